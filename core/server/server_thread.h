// SPDX-License-Identifier: GPL-3.0-or-later
// How a server's own thread starts: everything that opens a descriptor happens on that thread
// (which may have a descriptor table of its own, own_descriptors.h), so the starting thread waits
// for its answer. The event loop and the IO-model servers start alike.
#pragma once

#include <future>
#include <string>
#include <thread>
#include <utility>

namespace ss {

// Starts `thread`, which calls open(&why); when that succeeds it reports so and calls run(),
// else it calls failed() and reports why. Returns true once open succeeded; otherwise joins the
// thread and sets *error to the reason.
template <typename Open, typename Run, typename Failed>
bool startServerThread(std::thread& thread, Open open, Run run, Failed failed, std::string* error) {
    std::promise<std::string> opened;
    std::future<std::string> answer = opened.get_future();
    thread = std::thread([open = std::move(open), run = std::move(run), failed = std::move(failed),
                          opened = std::move(opened)]() mutable {
        std::string why;
        if (!open(&why)) {
            failed();
            opened.set_value(why.empty() ? std::string("the engine could not start") : why);
            return;
        }
        opened.set_value({});
        run();
    });
    const std::string why = answer.get();
    if (why.empty())
        return true;
    thread.join();
    if (error)
        *error = why;
    return false;
}

}  // namespace ss
