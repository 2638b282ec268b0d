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
#include "inference/pipeline/package.h"
#include "inference/text/prompt.h"
#include "inference/text/speaker_placeholders.h"
#include "inference/text/tokenizer.h"

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
    if (const char* env = std::getenv("NAVA_PACKAGE"); env && *env)
        return std::string(env) == "none" ? std::string() : std::string(env);
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

struct PromptTokenCounter::Impl {
    std::shared_ptr<text::Tokenizer> tokenizer;
};

PromptTokenCounter::~PromptTokenCounter() = default;

std::shared_ptr<const PromptTokenCounter> PromptTokenCounter::open(
    const std::string& package_path) {
    const std::string path = package_path.empty() ? default_package_path() : package_path;
    if (path.empty()) throw PackageError("no model package to count tokens with");
    const ModelPackage package = ModelPackage::open(path);
    std::shared_ptr<PromptTokenCounter> c(new PromptTokenCounter());
    c->impl_ = std::make_unique<Impl>();
    c->impl_->tokenizer =
        std::make_shared<text::Tokenizer>(text::Tokenizer::from_folder(package.tokenizer.weights));
    if (package.dit.config.is_object() && package.dit.config.contains("text_len") &&
        package.dit.config["text_len"].is_number_integer())
        c->context_ = package.dit.config["text_len"].get<int64_t>();
    return c;
}

int64_t PromptTokenCounter::count(const std::string& prompt) const {
    text::TokenizeOptions o;
    o.max_length = context_;
    try {
        return text::tokenize_prompt(text::process_prompt(prompt), *impl_->tokenizer, o)
            .encoding.untruncated_length;
    } catch (const Error&) {
        // A prompt the rules refuse (e.g. an unclosed <S>): count its text as written.
        return static_cast<int64_t>(impl_->tokenizer->encode_ids(prompt).size()) + 1;
    }
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
