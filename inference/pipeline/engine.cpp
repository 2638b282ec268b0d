#include "inference/pipeline/engine.h"

#include <c10/util/Exception.h>

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "inference/core/torch_compat.h"
#include "inference/pipeline/generator.h"

namespace nava::pipeline {
namespace {

c10::Device pick_device(const std::string& name) {
    if (name == "auto") return cuda_available() ? c10::Device("cuda:0") : c10::Device(c10::kCPU);
    if (name == "cpu") return c10::Device(c10::kCPU);
    if (name.rfind("cuda", 0) == 0) {
        if (!cuda_available())
            throw std::invalid_argument("device " + name + ": no CUDA device available");
        return c10::Device(name);
    }
    throw std::invalid_argument("unknown device '" + name + "' (auto, cpu, cuda, cuda:N)");
}

std::string message_of(const std::exception& e) {
    if (const auto* c = dynamic_cast<const c10::Error*>(&e)) return c->what_without_backtrace();
    return e.what();
}

}  // namespace

std::string default_package_path() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("NAVA_PACKAGE"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path bin = exe.parent_path();
    for (const fs::path& candidate : {bin / ".." / "share" / "nava" / "models" / "nava-tiny",
                                      bin / ".." / ".." / "assets" / "models" / "nava-tiny"}) {
        if (fs::exists(candidate / "manifest.json")) return candidate.lexically_normal().string();
    }
    return {};
}

struct GenerationEngine::Impl {
    EngineOptions options;
    std::unique_ptr<Generator> generator;

    // Worker state.
    struct Task {
        enum Kind { load, generate } kind = generate;
        std::string id;  // job id or package path
        api::GenerationRequest request;
    };
    Callbacks callbacks;
    std::thread worker;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Task> tasks;
    std::set<std::string> cancelled_ids;
    std::string running_id;
    std::atomic<bool> cancel_running{false};
    bool stopping = false;

    void run_worker() {
        while (true) {
            Task task;
            {
                std::unique_lock<std::mutex> lock(mutex);
                wake.wait(lock, [&] { return stopping || !tasks.empty(); });
                if (stopping) return;
                task = std::move(tasks.front());
                tasks.pop_front();
                if (task.kind == Task::generate && cancelled_ids.erase(task.id)) {
                    lock.unlock();
                    if (callbacks.cancelled) callbacks.cancelled(task.id);
                    continue;
                }
                running_id = task.id;
                cancel_running = false;
            }
            execute(task);
            std::lock_guard<std::mutex> lock(mutex);
            running_id.clear();
        }
    }

    void execute(const Task& task) {
        if (task.kind == Task::load) {
            try {
                generator = std::make_unique<Generator>(ModelPackage::open(task.id),
                                                        pick_device(options.device), options);
                if (callbacks.package_loaded) callbacks.package_loaded(generator->info());
            } catch (const std::exception& e) {
                if (callbacks.package_failed) callbacks.package_failed(task.id, message_of(e));
            }
            return;
        }
        try {
            if (!generator) throw std::invalid_argument("no model package is loaded");
            JobResult r =
                generator->generate(task.id, task.request, callbacks.progress, &cancel_running);
            if (callbacks.finished) callbacks.finished(r);
        } catch (const GenerationCancelled&) {
            if (callbacks.cancelled) callbacks.cancelled(task.id);
        } catch (const std::exception& e) {
            if (callbacks.failed) callbacks.failed(task.id, message_of(e));
        }
    }
};

GenerationEngine::GenerationEngine(EngineOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
}

GenerationEngine::~GenerationEngine() {
    stop();
}

PackageInfo GenerationEngine::load_package(const std::string& path) {
    impl_->generator = std::make_unique<Generator>(
        ModelPackage::open(path), pick_device(impl_->options.device), impl_->options);
    return impl_->generator->info();
}

bool GenerationEngine::has_package() const {
    return impl_->generator != nullptr;
}

RequestPlan GenerationEngine::plan(const api::GenerationRequest& request) {
    if (!impl_->generator) throw std::invalid_argument("no model package is loaded");
    return impl_->generator->plan(request);
}

JobResult GenerationEngine::generate(const std::string& job_id,
                                     const api::GenerationRequest& request,
                                     const ProgressFn& progress, const std::atomic<bool>* cancel) {
    if (!impl_->generator) throw std::invalid_argument("no model package is loaded");
    return impl_->generator->generate(job_id, request, progress, cancel);
}

void GenerationEngine::start(Callbacks callbacks) {
    if (impl_->worker.joinable()) return;
    impl_->callbacks = std::move(callbacks);
    impl_->stopping = false;
    impl_->worker = std::thread([this] { impl_->run_worker(); });
}

void GenerationEngine::submit_load(const std::string& path) {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    Impl::Task t;
    t.kind = Impl::Task::load;
    t.id = path;
    impl_->tasks.push_back(std::move(t));
    impl_->wake.notify_one();
}

void GenerationEngine::submit(const std::string& job_id, const api::GenerationRequest& request) {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    Impl::Task t;
    t.kind = Impl::Task::generate;
    t.id = job_id;
    t.request = request;
    impl_->tasks.push_back(std::move(t));
    impl_->wake.notify_one();
}

void GenerationEngine::cancel(const std::string& job_id) {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (impl_->running_id == job_id) {
        impl_->cancel_running = true;
        return;
    }
    for (const auto& t : impl_->tasks) {
        if (t.kind == Impl::Task::generate && t.id == job_id) {
            impl_->cancelled_ids.insert(job_id);
            return;
        }
    }
}

void GenerationEngine::stop() {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        impl_->stopping = true;
        impl_->cancel_running = true;
        impl_->tasks.clear();
        impl_->wake.notify_all();
    }
    if (impl_->worker.joinable()) impl_->worker.join();
}

}  // namespace nava::pipeline
