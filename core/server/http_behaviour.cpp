// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/server/http_behaviour.h"

#include "core/server/http_response.h"

namespace ss {

void HttpBehaviour::onData(Channel& ch, char* data, size_t n, size_t, LoopApi& api) {
    if (m_answered)
        return;  // one request per connection; the rest is ignored
    switch (m_parser.feed(std::string_view(data, n))) {
        case HttpRequestParser::Status::Incomplete:
            return;
        case HttpRequestParser::Status::Complete:
            answer(ch, api);
            break;
        case HttpRequestParser::Status::Bad: {
            const int status = m_parser.errorStatus();
            api.reply(ch, httpResponse(status, "text/html; charset=utf-8",
                                       httpErrorPage(status, m_parser.errorReason())));
            break;
        }
    }
    m_answered = true;
    api.finish(ch);
}

void HttpBehaviour::answer(Channel& ch, LoopApi& api) {
    const std::string_view method = m_parser.method();
    const bool head = method == "HEAD";
    if (method != "GET" && !head) {
        api.reply(ch, httpResponse(405, "text/html; charset=utf-8",
                                   httpErrorPage(405, "This server answers GET and HEAD only.")));
        return;
    }
    const std::string_view target = m_parser.target();
    if (target != "/" && target != "/index.html") {
        api.reply(ch, httpResponse(404, "text/html; charset=utf-8",
                                   httpErrorPage(404, "Only / exists here."), head));
        return;
    }
    api.reply(ch,
              httpResponse(200, "text/html; charset=utf-8", statsPage(m_stats.httpStats()), head));
}

}  // namespace ss
