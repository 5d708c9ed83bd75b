#include "fuzz_checks.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include "server/framed_header.h"
#include "server/http_request.h"
#include "server/listener_spec.h"
#include "server/serve_dir.h"

namespace ss::fuzz {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Shared helpers.

// FNV-1a, so that the split points depend on the input and a fuzzer's mutations move them.
uint64_t hashBytes(std::string_view data) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : data)
        h = (h ^ c) * 1099511628211ull;
    return h;
}

uint64_t nextRandom(uint64_t& state) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

std::string printable(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s.substr(0, 120)) {
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return s.size() > 120 ? out + "..." : out;
}

// ---------------------------------------------------------------------------------------------
// HTTP.

struct HttpOutcome {
    HttpRequestParser::Status status = HttpRequestParser::Status::Incomplete;
    int errorStatus = 0;
    std::string method, target, version;
    std::vector<std::pair<std::string, std::string>> headers;
    size_t consumed = 0;
};

constexpr size_t kMaxPipelined = 8;

bool isTchar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view s) {
    for (char c : s) {
        if (!isTchar(c))
            return false;
    }
    return !s.empty();
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if ((a[i] | 0x20) != (b[i] | 0x20))
            return false;
    }
    return true;
}

// What RFC 9112 promises the behaviour about a Complete head: nothing that could smuggle or
// inject reaches it.
std::string checkCompleteHead(const HttpRequestParser& p) {
    if (!isToken(p.method()) || p.target().empty() || p.version().empty())
        return "Complete with an empty or non-token method, or an empty target or version";
    for (unsigned char c : p.target()) {
        if (c <= 0x20 || c >= 0x7F)
            return "Complete with a control, space or non-ASCII byte in the target";
    }
    if (p.version() != "HTTP/1.0" && p.version() != "HTTP/1.1")
        return "Complete with version " + printable(p.version());
    if (p.headers().size() > HttpRequestParser::kMaxHeaderFields)
        return "Complete with more than kMaxHeaderFields header fields";
    size_t hosts = 0;
    for (const auto& [name, value] : p.headers()) {
        if (!isToken(name))
            return "Complete with a header name that is not a token: " + printable(name);
        for (unsigned char c : value) {
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                return "Complete with a control byte in a header value: " + printable(value);
        }
        if (!value.empty() && (value.front() == ' ' || value.back() == ' ' ||
                               value.front() == '\t' || value.back() == '\t'))
            return "Complete with an untrimmed header value: " + printable(value);
        hosts += equalsIgnoreCase(name, "host") ? 1 : 0;
    }
    if (hosts > 1 || (hosts == 0 && p.version() == "HTTP/1.1"))
        return "Complete with a wrong number of Host fields";
    return {};
}

std::string checkHttpStatus(const HttpRequestParser& p, size_t fed) {
    using Status = HttpRequestParser::Status;
    if (p.bytesConsumed() > fed)
        return "bytesConsumed() " + std::to_string(p.bytesConsumed()) + " > bytes fed " +
               std::to_string(fed);
    if (p.status() == Status::Bad) {
        const int e = p.errorStatus();
        if (e != 400 && e != 414 && e != 431 && e != 505)
            return "Bad with errorStatus() " + std::to_string(e);
        return p.errorReason().empty() ? "Bad without a reason" : "";
    }
    if (p.status() != Status::Complete)
        return {};
    if (p.bytesConsumed() + p.remainder().size() != fed)
        return "bytesConsumed() + remainder().size() != bytes fed";
    return checkCompleteHead(p);
}

HttpOutcome outcomeOf(const HttpRequestParser& p) {
    return {p.status(),  p.errorStatus(), p.method(),       p.target(),
            p.version(), p.headers(),     p.bytesConsumed()};
}

// Feeds the chunks in order; after each Complete head the remainder starts the next request.
std::vector<HttpOutcome> runPipeline(const std::vector<std::string_view>& chunks,
                                     std::string* failure) {
    using Status = HttpRequestParser::Status;
    std::vector<HttpOutcome> outcomes;
    HttpRequestParser parser;
    size_t fed = 0;
    for (std::string_view chunk : chunks) {
        std::string pending(chunk);
        while (!pending.empty()) {
            const Status status = parser.feed(pending);
            fed += pending.size();
            pending.clear();
            if (std::string f = checkHttpStatus(parser, fed); !f.empty()) {
                *failure = f;
                return outcomes;
            }
            if (status == Status::Incomplete)
                break;
            outcomes.push_back(outcomeOf(parser));
            if (status == Status::Bad || outcomes.size() == kMaxPipelined)
                return outcomes;
            pending = parser.remainder();
            parser.reset();
            fed = 0;
        }
    }
    outcomes.push_back(outcomeOf(parser));  // the Incomplete tail
    return outcomes;
}

std::vector<std::string_view> splitEvery(std::string_view data, size_t n) {
    std::vector<std::string_view> chunks;
    for (size_t pos = 0; pos < data.size(); pos += n)
        chunks.push_back(data.substr(pos, n));
    return chunks;
}

std::vector<std::string_view> splitRandomly(std::string_view data) {
    std::vector<std::string_view> chunks;
    uint64_t state = hashBytes(data) | 1;
    for (size_t pos = 0; pos < data.size();) {
        const uint64_t r = nextRandom(state);
        const size_t n = 1 + (r % 8 == 0 ? r % 4096 : r % 97);
        chunks.push_back(data.substr(pos, n));
        pos += n;
    }
    return chunks;
}

// A limit and the early method check may both apply to one line; which fires first depends on
// how the line was split, so 400 against 414 is not a disagreement.
bool sameOutcome(const HttpOutcome& a, const HttpOutcome& b) {
    using Status = HttpRequestParser::Status;
    if (a.status != b.status)
        return false;
    if (a.status == Status::Bad) {
        const int lo = std::min(a.errorStatus, b.errorStatus);
        const int hi = std::max(a.errorStatus, b.errorStatus);
        return lo == hi || (lo == 400 && hi == 414);
    }
    if (a.status == Status::Incomplete)
        return true;
    return a.method == b.method && a.target == b.target && a.version == b.version &&
           a.headers == b.headers && a.consumed == b.consumed;
}

std::string compareRuns(const std::vector<HttpOutcome>& a, const std::vector<HttpOutcome>& b,
                        const char* how) {
    if (a.size() != b.size())
        return std::string("feeding ") + how + " gives " + std::to_string(b.size()) +
               " outcomes, whole gives " + std::to_string(a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        if (!sameOutcome(a[i], b[i]))
            return std::string("feeding ") + how + " changes request " + std::to_string(i) +
                   " (status " + std::to_string(int(b[i].status)) + "/" +
                   std::to_string(b[i].errorStatus) + " against " +
                   std::to_string(int(a[i].status)) + "/" + std::to_string(a[i].errorStatus) + ")";
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Framed headers.

// A strict JSON value grammar (RFC 8259), independent of the header reader in core/.
class JsonValidator {
public:
    explicit JsonValidator(std::string_view s) : m_s(s) {}
    bool validDocument() {
        skip();
        if (!value(0))
            return false;
        skip();
        return m_pos == m_s.size();
    }

private:
    bool value(int depth) {
        if (depth > 64 || m_pos >= m_s.size())
            return false;
        const char c = m_s[m_pos];
        if (c == '{' || c == '[')
            return container(depth, c == '{');
        if (c == '"')
            return string();
        if (c == '-' || (c >= '0' && c <= '9'))
            return number();
        for (std::string_view word : {"true", "false", "null"}) {
            if (m_s.substr(m_pos, word.size()) == word) {
                m_pos += word.size();
                return true;
            }
        }
        return false;
    }
    bool container(int depth, bool object) {
        const char close = object ? '}' : ']';
        ++m_pos;
        skip();
        if (eat(close))
            return true;
        do {
            skip();
            if (object && (!string() || (skip(), !eat(':'))))
                return false;
            skip();
            if (!value(depth + 1))
                return false;
            skip();
        } while (eat(','));
        return eat(close);
    }
    bool string() {
        if (!eat('"'))
            return false;
        while (m_pos < m_s.size()) {
            const auto c = static_cast<unsigned char>(m_s[m_pos++]);
            if (c == '"')
                return true;
            if (c < 0x20)
                return false;
            if (c == '\\' && !escape())
                return false;
        }
        return false;
    }
    bool escape() {
        if (m_pos >= m_s.size())
            return false;
        const char c = m_s[m_pos++];
        if (std::string_view("\"\\/bfnrt").find(c) != std::string_view::npos)
            return true;
        if (c != 'u' || m_s.size() - m_pos < 4)
            return false;
        for (int k = 0; k < 4; ++k) {
            if (!std::isxdigit(static_cast<unsigned char>(m_s[m_pos++])))
                return false;
        }
        return true;
    }
    bool number() {
        eat('-');
        if (eat('0')) {
        } else if (!digits()) {
            return false;
        }
        if (eat('.') && !digits())
            return false;
        if (eat('e') || eat('E')) {
            if (!eat('+'))
                eat('-');
            return digits();
        }
        return true;
    }
    bool digits() {
        const size_t start = m_pos;
        while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9')
            ++m_pos;
        return m_pos > start;
    }
    bool eat(char c) {
        if (m_pos < m_s.size() && m_s[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    void skip() {
        while (m_pos < m_s.size() &&
               std::string_view(" \t\r\n").find(m_s[m_pos]) != std::string_view::npos)
            ++m_pos;
    }

    std::string_view m_s;
    size_t m_pos = 0;
};

}  // namespace

size_t validUtf8SequenceAt(std::string_view s, size_t i) {
    const auto at = [&](size_t k) -> unsigned {
        return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
    };
    const unsigned char b = at(i);
    const auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return at(k) >= lo && at(k) <= hi;
    };
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        return cont(i + 1) ? 2 : 0;
    if (b >= 0xE0 && b <= 0xEF) {
        const unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
        return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        const unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
        return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    return 0;
}

namespace {

// How many bytes of an invalid sequence at s[i] Python's decoder replaces by one U+FFFD: the
// lead byte plus the continuation bytes that were still acceptable when it gave up.
size_t maximalSubpart(std::string_view s, size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t need = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    }
    size_t used = 1;
    while (used <= need && i + used < s.size()) {
        const unsigned c = static_cast<unsigned char>(s[i + used]);
        if (c < (used == 1 ? lo : 0x80) || c > (used == 1 ? hi : 0xBF))
            break;
        ++used;
    }
    return used;
}

bool isValidUtf8(std::string_view s) {
    return pythonReplaceInvalidUtf8(s) == s;
}

int32_t frameLength(std::string_view bytes) {
    int32_t length = 0;
    std::memcpy(&length, bytes.data(), sizeof length);
    return length;
}

std::string checkDecodedConsistent(std::string_view raw, const FramedHeader& h, size_t used) {
    if (used < 5 || used > raw.size() || used != 4 + static_cast<size_t>(frameLength(raw)))
        return "Complete with a consumed count that does not match the frame length";
    if (!isValidUtf8(h.filename) || (h.error && !isValidUtf8(*h.error)))
        return "Complete with invalid UTF-8 in a decoded string";
    const std::string json = h.error ? pythonJsonErrorHeader(h.filename, *h.error)
                                     : pythonJsonHeader(h.filename, h.size);
    const auto again = parseFrameHeader(frameHeader(json), nullptr);
    if (!again || again->filename != h.filename || again->error != h.error)
        return "a decoded header does not survive re-encoding: " + printable(json);
    if (!h.error && again->size != h.size)
        return "a decoded size does not survive re-encoding";
    const auto longer = parseFrameHeader(std::string(raw) + "trailing file bytes", nullptr);
    if (!longer || longer->filename != h.filename)
        return "bytes after a Complete frame change its decoding";
    return {};
}

// Arbitrary bytes as a received frame: decodeFrameHeader and parseFrameHeader must agree and
// never crash; NeedMore only while the announced length has not arrived.
std::string checkRawFrame(std::string_view raw) {
    FramedHeader h;
    size_t used = 0;
    const FrameParse r = decodeFrameHeader(raw, &h, &used);
    size_t used2 = 0;
    const auto viaOptional = parseFrameHeader(raw, &used2);
    if (viaOptional.has_value() != (r == FrameParse::Complete))
        return "parseFrameHeader and decodeFrameHeader disagree";
    if (r == FrameParse::NeedMore) {
        const bool shortHead = raw.size() < 4;
        if (!shortHead && (frameLength(raw) <= 0 || raw.size() >= 4 + size_t(frameLength(raw))))
            return "NeedMore although the whole announced frame is there";
        return {};
    }
    if (r == FrameParse::Malformed)
        return {};
    if (used2 != used || viaOptional->filename != h.filename || viaOptional->size != h.size)
        return "parseFrameHeader and decodeFrameHeader decode differently";
    return checkDecodedConsistent(raw, h, used);
}

struct HeaderFields {
    uint64_t size = 0;
    bool isError = false;
    std::string filename, error;
};

// Bytes 0-7: the size (little-endian); byte 8, bit 0: an error header; the rest: the filename,
// and for an error header the error text after the first 0xFF byte.
HeaderFields fieldsOf(std::string_view data) {
    HeaderFields f;
    for (size_t i = 0; i < 8 && i < data.size(); ++i)
        f.size |= uint64_t(static_cast<unsigned char>(data[i])) << (8 * i);
    f.isError = data.size() > 8 && (data[8] & 1);
    const std::string_view rest = data.size() > 9 ? data.substr(9) : std::string_view();
    const size_t cut = f.isError ? rest.find('\xff') : std::string_view::npos;
    f.filename = std::string(rest.substr(0, cut));
    if (cut != std::string_view::npos)
        f.error = std::string(rest.substr(cut + 1));
    return f;
}

std::string checkEncodedJson(const std::string& json) {
    for (unsigned char c : json) {
        if (c < 0x20 || c > 0x7E)
            return "the encoder wrote a byte Python's ensure_ascii never writes: " +
                   printable(json);
    }
    if (!JsonValidator(json).validDocument())
        return "the encoder wrote invalid JSON: " + printable(json);
    return {};
}

std::string checkPrefixes(const std::string& frame) {
    const size_t n = frame.size();
    for (size_t k : {size_t(0), size_t(1), size_t(3), size_t(4), size_t(5), n / 2, n - 1}) {
        FramedHeader h;
        if (k < n && decodeFrameHeader(std::string_view(frame).substr(0, k), &h, nullptr) !=
                         FrameParse::NeedMore)
            return "a strict prefix of a valid frame is not NeedMore (" + std::to_string(k) +
                   " of " + std::to_string(n) + " bytes)";
    }
    return {};
}

std::string checkEncodeRoundTrip(std::string_view data) {
    const HeaderFields f = fieldsOf(data);
    const std::string json = f.isError ? pythonJsonErrorHeader(f.filename, f.error)
                                       : pythonJsonHeader(f.filename, f.size);
    if (std::string bad = checkEncodedJson(json); !bad.empty())
        return bad;
    const std::string frame = frameHeader(json);
    size_t used = 0;
    const auto h = parseFrameHeader(frame, &used);
    if (!h || used != frame.size())
        return "the decoder refuses the encoder's frame: " + printable(json);
    if (h->filename != pythonReplaceInvalidUtf8(f.filename))
        return "the filename does not round-trip: " + printable(json);
    if (h->size != (f.isError ? 0 : f.size))
        return "the size does not round-trip: " + printable(json);
    if (f.isError != h->error.has_value() ||
        (f.isError && *h->error != pythonReplaceInvalidUtf8(f.error)))
        return "the error does not round-trip: " + printable(json);
    return checkPrefixes(frame);
}

// ---------------------------------------------------------------------------------------------
// Serve dir.

void writeFile(const fs::path& path, std::string_view content) {
    std::ofstream(path, std::ios::binary) << content;
}

std::string replaceAll(std::string text, std::string_view from, const std::string& to) {
    for (size_t pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

// Component-wise containment of two canonical paths.
bool isInside(const fs::path& path, const fs::path& root) {
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++p) {
        if (p == path.end() || *p != *r)
            return false;
    }
    return true;
}

std::string_view trimmed(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n\v\f";
    const size_t first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

std::string checkResolveOk(const ServeDir& dir, const ServeResult& r) {
    std::error_code ec;
    const fs::path path(r.path);
    const fs::path real = fs::canonical(path, ec);
    if (ec || real != path)
        return "ok with a path that is not canonical: " + printable(r.path);
    if (!isInside(real, fs::canonical(dir.root(), ec)))
        return "ok with a path outside the root: " + printable(r.path);
    if (!fs::is_regular_file(fs::status(real, ec)))
        return "ok with a path that is not a regular file: " + printable(r.path);
    if (fs::file_size(real, ec) != r.size || !r.error.empty())
        return "ok with a wrong size or an error text: " + printable(r.path);
    return {};
}

std::string checkResolve(const ServeDir& dir, std::string_view request) {
    const ServeResult r = dir.resolve(request);
    const std::string_view t = trimmed(request);
    const size_t slash = t.rfind('/');
    if (r.filename != (slash == std::string_view::npos ? t : t.substr(slash + 1)))
        return "filename is not the basename of the request: " + printable(r.filename);
    if (!r.ok) {
        if (r.error.empty() || !r.path.empty() || r.size != 0)
            return "a refusal without an error, or with a path or size";
        return {};
    }
    return checkResolveOk(dir, r);
}

// splitRequests against a second, obvious implementation.
std::string checkSplit(std::string_view chunk, std::vector<std::string_view>* pieces) {
    *pieces = splitRequests(chunk);
    std::vector<std::string_view> expected;
    if (chunk.find('\n') == std::string_view::npos) {
        if (!chunk.empty())
            expected.push_back(chunk);
    } else {
        size_t start = 0;
        while (start <= chunk.size()) {
            size_t end = chunk.find('\n', start);
            end = end == std::string_view::npos ? chunk.size() : end;
            std::string_view line = chunk.substr(start, end - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (!line.empty())
                expected.push_back(line);
            start = end + 1;
        }
    }
    if (*pieces != expected)
        return "splitRequests gives " + std::to_string(pieces->size()) + " requests, expected " +
               std::to_string(expected.size());
    for (std::string_view piece : *pieces) {
        if (piece.data() < chunk.data() ||
            piece.data() + piece.size() > chunk.data() + chunk.size())
            return "splitRequests returns a view outside the chunk";
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Listen specs.

std::string checkBehaviourText(std::string_view text) {
    std::string error;
    const auto spec = parseBehaviour(text, &error);
    if (!spec)
        return error.empty() ? "parseBehaviour failed without an error message" : "";
    const std::string once = formatBehaviour(*spec);
    const auto again = parseBehaviour(once, &error);
    if (!again)
        return "formatBehaviour gives '" + printable(once) + "' which does not parse: " + error;
    if (formatBehaviour(*again) != once)
        return "formatBehaviour is not stable: '" + printable(once) + "' then '" +
               printable(formatBehaviour(*again)) + "'";
    return {};
}

std::string checkListenText(std::string_view text) {
    std::string error;
    const auto spec = parseListenSpec(text, &error);
    if (!spec)
        return error.empty() ? "parseListenSpec failed without an error message" : "";
    const std::string once = formatListenSpec(*spec);
    const auto again = parseListenSpec(once, &error);
    if (!again)
        return "formatListenSpec gives '" + printable(once) + "' which does not parse: " + error;
    if (formatListenSpec(*again) != once)
        return "formatListenSpec is not stable: '" + printable(once) + "' then '" +
               printable(formatListenSpec(*again)) + "'";
    return {};
}

}  // namespace

std::string checkHttpRequestInput(std::string_view data) {
    std::string failure;
    const auto whole = runPipeline({data}, &failure);
    if (failure.empty()) {
        const auto bytewise = runPipeline(splitEvery(data, 1), &failure);
        if (failure.empty())
            failure = compareRuns(whole, bytewise, "one byte at a time");
    }
    if (failure.empty()) {
        const auto random = runPipeline(splitRandomly(data), &failure);
        if (failure.empty())
            failure = compareRuns(whole, random, "in random chunks");
    }
    return failure;
}

std::string pythonReplaceInvalidUtf8(std::string_view bytes) {
    std::string out;
    for (size_t i = 0; i < bytes.size();) {
        if (const size_t n = validUtf8SequenceAt(bytes, i); n > 0) {
            out.append(bytes.substr(i, n));
            i += n;
        } else {
            out += "\xEF\xBF\xBD";
            i += maximalSubpart(bytes, i);
        }
    }
    return out;
}

std::string checkFramedHeaderInput(std::string_view data) {
    if (std::string bad = checkRawFrame(data); !bad.empty())
        return bad;
    return checkEncodeRoundTrip(data);
}

fs::path makeServeFixture(const fs::path& base) {
    const fs::path real = base / "real";
    fs::create_directories(real / "sub" / "deeper");
    fs::create_directories(base / "real_sibling");
    fs::create_directories(base / "outside");
    writeFile(real / "a.txt", "alpha\n");
    writeFile(real / "b.bin", std::string("\0\1\2\3\xff", 5));
    writeFile(real / "empty.txt", "");
    writeFile(real / fs::u8path("你好.txt"), "ni hao\n");
    writeFile(real / "sub" / "c.txt", "gamma\n");
    writeFile(real / "sub" / "deeper" / "d.txt", "delta\n");
    writeFile(base / "real_sibling" / "a.txt", "the prefix trap\n");
    writeFile(base / "outside" / "secret.txt", "secret\n");
    std::error_code ec;
    fs::create_symlink("a.txt", real / "link_in", ec);
    fs::create_directory_symlink("sub", real / "link_sub", ec);
    fs::create_directory_symlink("../outside", real / "link_out", ec);
    fs::create_symlink("../outside/secret.txt", real / "link_file_out", ec);
    fs::create_directory_symlink("real", base / "root_link", ec);
    return ec ? real : base / "root_link";
}

std::string checkServeDirInput(const ServeDir& dir, const std::string& rootAsGiven,
                               std::string_view data) {
    std::string request = replaceAll(std::string(data), "@ROOT@", rootAsGiven);
    request = replaceAll(request, "@REAL@", dir.root());
    if (std::string bad = checkResolve(dir, request); !bad.empty())
        return bad;
    std::vector<std::string_view> pieces;
    if (std::string bad = checkSplit(request, &pieces); !bad.empty())
        return bad;
    for (size_t i = 0; i < pieces.size() && i < 8; ++i) {
        if (std::string bad = checkResolve(dir, pieces[i]); !bad.empty())
            return bad;
    }
    return {};
}

std::string checkListenSpecInput(std::string_view data) {
    if (std::string bad = checkListenText(data); !bad.empty())
        return bad;
    return checkBehaviourText(data);
}

}  // namespace ss::fuzz
