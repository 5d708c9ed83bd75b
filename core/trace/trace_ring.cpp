// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/trace_ring.h"

#include <cstring>
#include <type_traits>

namespace ss {
namespace {

constexpr size_t kAlign = 16;
constexpr size_t kBlockHeader = 8;

size_t roundUp(size_t n) {
    return (n + kAlign - 1) & ~(kAlign - 1);
}

struct CallHead {
    uint64_t number;
    int64_t startNs;
    int64_t durationNs;
    int32_t timeoutMs;
    int32_t ret;
    int32_t err;
    uint8_t backend;
    uint8_t nullSets;
    uint8_t kind;  // CallKind
    uint8_t pad;
    int32_t fd;
    uint32_t thread;
    uint32_t counts[8];
    uint32_t changes;  // InterestChange entries after the fd lists
    uint32_t why;      // ReadyFacts entries after those
};

struct EventHead {
    uint64_t number;
    int64_t timeNs;
    int64_t bytes;
    int64_t aux;
    int32_t fd;
    int32_t err;
    uint8_t kind;
    uint8_t role;
    uint16_t previewLen;
    uint16_t textLen;
    uint8_t pad[2];
};

template <typename Fn>
void forEachList(const CallDraft& d, Fn fn) {
    fn(d.inRead), fn(d.inWrite), fn(d.inExcept), fn(d.readyRead), fn(d.readyWrite);
    fn(d.readyExcept), fn(d.readyHangup), fn(d.readyError);
}

// The interest changes and ready facts are plain values: they are copied as arrays, like the fd
// lists, into the record and out of it.
template <typename T>
uint8_t* putArray(uint8_t* out, const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable<T>::value, "copied as bytes");
    if (!v.empty())
        std::memcpy(out, v.data(), v.size() * sizeof(T));
    return out + v.size() * sizeof(T);
}

template <typename T>
const uint8_t* getArray(const uint8_t* in, uint32_t count, std::vector<T>& v) {
    v.resize(count);
    if (count)
        std::memcpy(v.data(), in, count * sizeof(T));
    return in + count * sizeof(T);
}

}  // namespace

TraceRing::TraceRing(size_t capacityBytes)
    : m_capacity(roundUp(capacityBytes < 4096 ? 4096 : capacityBytes)),
      m_buffer(new uint8_t[m_capacity]) {}

uint8_t* TraceRing::reserve(RecordType type, size_t payloadBytes) {
    const size_t block = roundUp(kBlockHeader + payloadBytes);
    if (block > m_capacity / 2) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    uint64_t head = m_head.load(std::memory_order_relaxed);
    const size_t offset = head % m_capacity;
    const size_t tailRoom = m_capacity - offset;
    const size_t needed = block <= tailRoom ? block : tailRoom + block;
    if (head + needed - m_cachedTail > m_capacity) {
        m_cachedTail = m_tail.load(std::memory_order_acquire);
        if (head + needed - m_cachedTail > m_capacity) {
            m_dropped.fetch_add(1, std::memory_order_relaxed);
            return nullptr;
        }
    }
    if (block > tailRoom) {
        uint8_t* skip = m_buffer.get() + offset;
        const uint32_t size = static_cast<uint32_t>(tailRoom);
        std::memcpy(skip, &size, sizeof size);
        skip[4] = static_cast<uint8_t>(RecordType::Skip);
        head += tailRoom;
    }
    uint8_t* p = m_buffer.get() + head % m_capacity;
    const uint32_t size = static_cast<uint32_t>(block);
    std::memcpy(p, &size, sizeof size);
    p[4] = static_cast<uint8_t>(type);
    m_pendingHead = head + block;
    return p + kBlockHeader;
}

void TraceRing::commit() {
    m_head.store(m_pendingHead, std::memory_order_release);
}

bool TraceRing::pushCall(uint64_t number, BackendKind backend, const CallDraft& draft,
                         int64_t baseNs) {
    size_t fds = 0;
    forEachList(draft, [&](const std::vector<int32_t>& v) { fds += v.size(); });
    const size_t extra =
        draft.changes.size() * sizeof(InterestChange) + draft.why.size() * sizeof(ReadyFacts);
    uint8_t* p = reserve(RecordType::Call, sizeof(CallHead) + fds * sizeof(int32_t) + extra);
    if (!p)
        return false;
    CallHead head{};
    head.number = number;
    head.startNs = draft.startNs - baseNs;
    head.durationNs = draft.durationNs;
    head.timeoutMs = draft.timeoutMs;
    head.ret = draft.ret;
    head.err = draft.err;
    head.backend = static_cast<uint8_t>(backend);
    head.nullSets = draft.nullSets;
    head.kind = static_cast<uint8_t>(draft.kind);
    head.fd = draft.fd;
    head.thread = draft.thread;
    int i = 0;
    forEachList(draft, [&](const std::vector<int32_t>& v) {
        head.counts[i++] = static_cast<uint32_t>(v.size());
    });
    head.changes = static_cast<uint32_t>(draft.changes.size());
    head.why = static_cast<uint32_t>(draft.why.size());
    std::memcpy(p, &head, sizeof head);
    uint8_t* out = p + sizeof head;
    forEachList(draft, [&](const std::vector<int32_t>& v) {
        if (v.empty())
            return;
        std::memcpy(out, v.data(), v.size() * sizeof(int32_t));
        out += v.size() * sizeof(int32_t);
    });
    putArray(putArray(out, draft.changes), draft.why);
    commit();
    return true;
}

bool TraceRing::pushEvent(const SocketEvent& e, std::string_view preview, std::string_view text) {
    if (preview.size() > kPreviewBytes)
        preview = preview.substr(0, kPreviewBytes);
    if (text.size() > 1024)
        text = text.substr(0, 1024);
    uint8_t* p = reserve(RecordType::Event, sizeof(EventHead) + preview.size() + text.size());
    if (!p)
        return false;
    EventHead head{};
    head.number = e.number;
    head.timeNs = e.timeNs;
    head.bytes = e.bytes;
    head.aux = e.aux;
    head.fd = e.fd;
    head.err = e.err;
    head.kind = static_cast<uint8_t>(e.kind);
    head.role = static_cast<uint8_t>(e.role);
    head.previewLen = static_cast<uint16_t>(preview.size());
    head.textLen = static_cast<uint16_t>(text.size());
    std::memcpy(p, &head, sizeof head);
    if (!preview.empty())
        std::memcpy(p + sizeof head, preview.data(), preview.size());
    if (!text.empty())
        std::memcpy(p + sizeof head + preview.size(), text.data(), text.size());
    commit();
    return true;
}

size_t TraceRing::drain(const std::function<void(const CallRecord&)>& onCall,
                        const std::function<void(const SocketEvent&)>& onEvent, size_t maxRecords) {
    uint64_t tail = m_tail.load(std::memory_order_relaxed);
    const uint64_t head = m_head.load(std::memory_order_acquire);
    size_t consumed = 0;
    CallRecord call;
    SocketEvent event;
    while (tail < head && consumed < maxRecords) {
        const uint8_t* block = m_buffer.get() + tail % m_capacity;
        uint32_t size = 0;
        std::memcpy(&size, block, sizeof size);
        const auto type = static_cast<RecordType>(block[4]);
        const uint8_t* p = block + kBlockHeader;
        if (type == RecordType::Call) {
            CallHead h;
            std::memcpy(&h, p, sizeof h);
            call.number = h.number;
            call.startNs = h.startNs;
            call.durationNs = h.durationNs;
            call.timeoutMs = h.timeoutMs;
            call.ret = h.ret;
            call.err = h.err;
            call.backend = static_cast<BackendKind>(h.backend);
            call.nullSets = h.nullSets;
            call.kind = static_cast<CallKind>(h.kind);
            call.fd = h.fd;
            call.thread = h.thread;
            const uint8_t* in = p + sizeof h;
            std::vector<int32_t>* lists[8] = {
                &call.inRead,     &call.inWrite,     &call.inExcept,    &call.readyRead,
                &call.readyWrite, &call.readyExcept, &call.readyHangup, &call.readyError};
            for (int i = 0; i < 8; ++i) {
                lists[i]->resize(h.counts[i]);
                if (h.counts[i])
                    std::memcpy(lists[i]->data(), in, h.counts[i] * sizeof(int32_t));
                in += h.counts[i] * sizeof(int32_t);
            }
            getArray(getArray(in, h.changes, call.changes), h.why, call.why);
            if (onCall)
                onCall(call);
            ++consumed;
        } else if (type == RecordType::Event) {
            EventHead h;
            std::memcpy(&h, p, sizeof h);
            event.number = h.number;
            event.timeNs = h.timeNs;
            event.bytes = h.bytes;
            event.aux = h.aux;
            event.fd = h.fd;
            event.err = h.err;
            event.kind = static_cast<EventKind>(h.kind);
            event.role = static_cast<Role>(h.role);
            const char* extra = reinterpret_cast<const char*>(p + sizeof h);
            event.preview.assign(extra, h.previewLen);
            event.text.assign(extra + h.previewLen, h.textLen);
            if (onEvent)
                onEvent(event);
            ++consumed;
        }
        tail += size;
        m_tail.store(tail, std::memory_order_release);
    }
    return consumed;
}

}  // namespace ss
