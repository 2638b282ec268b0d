#include "inference/io/pickle_reader.h"

#include <cstdint>
#include <cstring>
#include <map>
#include <unordered_map>

#include "inference/core/error.h"

namespace nava::io {
namespace {

using Kind = PickleValue::Kind;

constexpr std::size_t kMaxValues = std::size_t{1} << 23;

const std::map<std::string, DType>& storage_types() {
    static const std::map<std::string, DType> table = {
        {"DoubleStorage", DType::F64},    {"FloatStorage", DType::F32}, {"HalfStorage", DType::F16},
        {"BFloat16Storage", DType::BF16}, {"LongStorage", DType::I64},  {"IntStorage", DType::I32},
        {"ShortStorage", DType::I16},     {"CharStorage", DType::I8},   {"ByteStorage", DType::U8},
        {"BoolStorage", DType::BOOL},
    };
    return table;
}

const std::map<std::string, DType>& torch_dtypes() {
    static const std::map<std::string, DType> table = {
        {"float64", DType::F64},
        {"double", DType::F64},
        {"float32", DType::F32},
        {"float", DType::F32},
        {"float16", DType::F16},
        {"half", DType::F16},
        {"bfloat16", DType::BF16},
        {"int64", DType::I64},
        {"long", DType::I64},
        {"int32", DType::I32},
        {"int", DType::I32},
        {"int16", DType::I16},
        {"short", DType::I16},
        {"int8", DType::I8},
        {"uint8", DType::U8},
        {"bool", DType::BOOL},
        {"float8_e4m3fn", DType::F8_E4M3},
        {"float8_e5m2", DType::F8_E5M2},
    };
    return table;
}

bool is_untyped_storage(const std::string& name) {
    return name == "torch.UntypedStorage" || name == "torch.storage.UntypedStorage" ||
           name == "torch.TypedStorage" || name == "torch.storage.TypedStorage";
}

// The only callables the reader evaluates (by reimplementing them on plain values).
const char* const kCallables[] = {
    "collections.OrderedDict",         "torch.Size",
    "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor_v3",
    "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
};

bool is_allowed_global(const std::string& name) {
    for (const char* c : kCallables)
        if (name == c) return true;
    DType unused;
    return storage_dtype_from_global(name, &unused) || is_untyped_storage(name) ||
           dtype_from_torch_global(name, &unused);
}

class Unpickler {
public:
    Unpickler(const uint8_t* data, std::size_t size, const std::string& label,
              const PickleOptions& options)
        : p_(data), end_(data + size), label_(label), options_(options) {}

    PickleDocument run();

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw FormatError(label_ + ": " + what + " (at byte " + std::to_string(offset()) + ")");
    }
    // Offset of the opcode being read (every failure happens after its opcode byte).
    std::size_t offset() const {
        return p_ > begin_ ? static_cast<std::size_t>(p_ - begin_) - 1 : 0;
    }

    const uint8_t* take(std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n) fail("the pickle stream ends early");
        const uint8_t* at = p_;
        p_ += n;
        return at;
    }
    uint64_t le(std::size_t n) {
        const uint8_t* b = take(n);
        uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i)
            v |= static_cast<uint64_t>(b[i]) << (8 * i);
        return v;
    }
    std::string line() {
        const uint8_t* nl = static_cast<const uint8_t*>(std::memchr(p_, '\n', end_ - p_));
        if (!nl) fail("unterminated text argument");
        std::string s(reinterpret_cast<const char*>(p_), nl - p_);
        p_ = nl + 1;
        return s;
    }
    // Text-protocol memo keys: a decimal line.
    uint64_t decimal() {
        const std::string s = line();
        if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
            fail("bad decimal memo key");
        return std::stoull(s);
    }
    std::string bytes(uint64_t n) {
        if (n > static_cast<uint64_t>(end_ - p_)) fail("a string runs past the end of the pickle");
        const uint8_t* b = take(static_cast<std::size_t>(n));
        return std::string(reinterpret_cast<const char*>(b), static_cast<std::size_t>(n));
    }

    PickleValue* make(Kind kind) {
        // A state dict needs a few dozen values per tensor; a hostile stream of one-byte
        // container opcodes must not turn a small file into gigabytes of values.
        if (doc_.arena.size() >= kMaxValues) fail("more than 8M objects; refusing the pickle");
        doc_.arena.emplace_back();
        doc_.arena.back().kind = kind;
        return &doc_.arena.back();
    }
    PickleValue* make_int(int64_t v) {
        PickleValue* x = make(Kind::kInt);
        x->integer = v;
        return x;
    }
    PickleValue* make_text(Kind kind, std::string s) {
        PickleValue* x = make(kind);
        x->text = std::move(s);
        return x;
    }

    void push(PickleValue* v) { stack_.push_back(v); }
    PickleValue* pop() {
        if (stack_.size() <= floor()) fail("stack underflow");
        PickleValue* v = stack_.back();
        stack_.pop_back();
        return v;
    }
    PickleValue* top() {
        if (stack_.size() <= floor()) fail("stack underflow");
        return stack_.back();
    }
    std::size_t floor() const { return marks_.empty() ? 0 : marks_.back(); }
    // Everything pushed since the last MARK, which is removed.
    std::vector<PickleValue*> pop_mark() {
        if (marks_.empty()) fail("missing MARK");
        const std::size_t m = marks_.back();
        marks_.pop_back();
        std::vector<PickleValue*> items(stack_.begin() + static_cast<std::ptrdiff_t>(m),
                                        stack_.end());
        stack_.resize(m);
        return items;
    }

    PickleValue* global(const std::string& module, const std::string& name);
    PickleValue* reduce(PickleValue* callable, PickleValue* args);
    PickleValue* persistent_load(PickleValue* pid);
    PickleValue* rebuild_tensor(const std::vector<PickleValue*>& a, bool v3);
    void set_item(PickleValue* dict, PickleValue* key, PickleValue* value);
    void append(PickleValue* list, PickleValue* value);
    std::vector<int64_t> int_tuple(const PickleValue* v, const char* what);

    const uint8_t* begin_ = nullptr;
    const uint8_t* p_;
    const uint8_t* end_;
    const std::string& label_;
    const PickleOptions& options_;
    PickleDocument doc_;
    std::vector<PickleValue*> stack_;
    std::vector<std::size_t> marks_;
    std::unordered_map<uint64_t, PickleValue*> memo_;
    std::map<std::string, PickleValue*> storages_;
};

PickleValue* Unpickler::global(const std::string& module, const std::string& name) {
    const std::string full = module + "." + name;
    if (is_allowed_global(full)) return make_text(Kind::kGlobal, full);
    if (options_.refuse_unknown_globals)
        throw FormatError(label_ + ": refusing to load: the pickle references the Python global '" +
                          full +
                          "', which a weights file does not need (only tensors and plain "
                          "containers are read; nothing was executed)");
    return make_text(Kind::kOpaque, full);
}

std::vector<int64_t> Unpickler::int_tuple(const PickleValue* v, const char* what) {
    if (v->kind != Kind::kTuple && v->kind != Kind::kList)
        fail(std::string("tensor ") + what + " is a " + v->kind_name() + ", not a tuple");
    std::vector<int64_t> out;
    for (const PickleValue* x : v->items) {
        if (x->kind != Kind::kInt) fail(std::string("tensor ") + what + " holds a non-integer");
        out.push_back(x->integer);
    }
    return out;
}

PickleValue* Unpickler::rebuild_tensor(const std::vector<PickleValue*>& a, bool v3) {
    // v2: (storage, offset, size, stride, requires_grad, backward_hooks[, metadata])
    // v3: (storage, offset, size, stride, requires_grad, backward_hooks, dtype[, metadata])
    const std::size_t min_args = v3 ? 7 : 6;
    if (a.size() < min_args || a.size() > min_args + 1)
        fail(std::string("_rebuild_tensor_") + (v3 ? "v3" : "v2") + " called with " +
             std::to_string(a.size()) + " arguments");
    if (a[0]->kind != Kind::kStorage) fail("tensor storage is not a persistent storage");
    if (a[1]->kind != Kind::kInt) fail("tensor storage offset is not an integer");
    PickleValue* t = make(Kind::kTensor);
    t->tensor.storage = a[0];
    t->tensor.offset = a[1]->integer;
    t->tensor.sizes = int_tuple(a[2], "size");
    t->tensor.strides = int_tuple(a[3], "stride");
    if (t->tensor.sizes.size() != t->tensor.strides.size())
        fail("tensor size and stride differ in length");
    if (v3) {
        if (a[6]->kind != Kind::kGlobal || !dtype_from_torch_global(a[6]->text, &t->tensor.dtype))
            fail("_rebuild_tensor_v3 dtype '" + a[6]->text + "' is not supported");
    } else {
        t->tensor.dtype = a[0]->storage.dtype;
    }
    return t;
}

PickleValue* Unpickler::reduce(PickleValue* callable, PickleValue* args) {
    if (callable->kind == Kind::kOpaque) return make_text(Kind::kOpaque, callable->text + "(...)");
    if (callable->kind != Kind::kGlobal)
        fail(std::string("cannot call a ") + callable->kind_name());
    if (args->kind != Kind::kTuple) fail("call arguments are not a tuple");
    const std::string& f = callable->text;
    const auto& a = args->items;
    if (f == "collections.OrderedDict") {
        PickleValue* d = make(Kind::kDict);
        if (a.size() == 1 && (a[0]->kind == Kind::kList || a[0]->kind == Kind::kTuple)) {
            for (PickleValue* pair : a[0]->items) {
                if (pair->kind != Kind::kTuple || pair->items.size() != 2)
                    fail("OrderedDict items are not pairs");
                set_item(d, pair->items[0], pair->items[1]);
            }
        } else if (!a.empty()) {
            fail("unsupported OrderedDict arguments");
        }
        return d;
    }
    if (f == "torch.Size") {
        if (a.size() != 1 || a[0]->kind != Kind::kTuple) fail("torch.Size expects one tuple");
        return a[0];
    }
    if (f == "torch._utils._rebuild_tensor_v2") return rebuild_tensor(a, false);
    if (f == "torch._utils._rebuild_tensor_v3") return rebuild_tensor(a, true);
    if (f == "torch._utils._rebuild_parameter" ||
        f == "torch._utils._rebuild_parameter_with_state") {
        if (a.size() < 3 || a[0]->kind != Kind::kTensor) fail("unsupported parameter rebuild");
        return a[0];
    }
    fail("'" + f + "' cannot be called");
}

PickleValue* Unpickler::persistent_load(PickleValue* pid) {
    // ('storage', storage_type, key, location, numel)
    if (pid->kind != Kind::kTuple || pid->items.size() != 5 ||
        pid->items[0]->kind != Kind::kString || pid->items[0]->text != "storage")
        fail("unsupported persistent id (expected a ('storage', ...) tuple)");
    const auto& a = pid->items;
    if (a[1]->kind != Kind::kGlobal) fail("storage type is not a torch storage class");
    if ((a[2]->kind != Kind::kString && a[2]->kind != Kind::kInt) || a[3]->kind != Kind::kString ||
        a[4]->kind != Kind::kInt)
        fail("malformed storage persistent id");
    const std::string key =
        a[2]->kind == Kind::kString ? a[2]->text : std::to_string(a[2]->integer);
    auto it = storages_.find(key);
    if (it != storages_.end()) {
        if (it->second->storage.type_name != a[1]->text)
            fail("storage '" + key + "' is named with two different types");
        return it->second;
    }
    PickleValue* s = make(Kind::kStorage);
    s->storage.key = key;
    s->storage.type_name = a[1]->text;
    s->storage.location = a[3]->text;
    s->storage.numel = a[4]->integer;
    if (s->storage.numel < 0) fail("negative storage size");
    if (storage_dtype_from_global(a[1]->text, &s->storage.dtype)) {
        s->storage.typed = true;
    } else if (is_untyped_storage(a[1]->text)) {
        s->storage.dtype = DType::U8;
    } else {
        fail("'" + a[1]->text + "' is not a storage type");
    }
    storages_[key] = s;
    return s;
}

void Unpickler::set_item(PickleValue* dict, PickleValue* key, PickleValue* value) {
    if (dict->kind == Kind::kOpaque) return;
    if (dict->kind != Kind::kDict) fail(std::string("SETITEM on a ") + dict->kind_name());
    // A repeated key replaces the earlier value, as in Python.
    for (auto& [k, v] : dict->entries) {
        const bool same =
            k->kind == key->kind && ((k->kind == Kind::kString && k->text == key->text) ||
                                     (k->kind == Kind::kInt && k->integer == key->integer));
        if (same) {
            v = value;
            return;
        }
    }
    dict->entries.emplace_back(key, value);
}

void Unpickler::append(PickleValue* list, PickleValue* value) {
    if (list->kind == Kind::kOpaque) return;
    if (list->kind != Kind::kList) fail(std::string("APPEND on a ") + list->kind_name());
    list->items.push_back(value);
}

PickleDocument Unpickler::run() {
    begin_ = p_;
    while (true) {
        const uint8_t op = *take(1);
        switch (op) {
            case 0x80:  // PROTO
                if (*take(1) > 5) fail("pickle protocol newer than 5");
                break;
            case 0x95:  // FRAME: the whole stream is in memory already
                le(8);
                break;
            case '(':  // MARK
                marks_.push_back(stack_.size());
                break;
            case '.': {  // STOP
                PickleValue* root = pop();
                if (!marks_.empty()) fail("unbalanced MARK at STOP");
                doc_.root = root;
                return std::move(doc_);
            }
            case '0':  // POP
                pop();
                break;
            case '1':  // POP_MARK
                pop_mark();
                break;
            case '2':  // DUP
                push(top());
                break;
            case 'N':
                push(make(Kind::kNone));
                break;
            case 0x88:    // NEWTRUE
            case 0x89: {  // NEWFALSE
                PickleValue* b = make(Kind::kBool);
                b->boolean = op == 0x88;
                push(b);
                break;
            }
            case 'J':  // BININT
                push(make_int(static_cast<int32_t>(static_cast<uint32_t>(le(4)))));
                break;
            case 'K':  // BININT1
                push(make_int(static_cast<int64_t>(le(1))));
                break;
            case 'M':  // BININT2
                push(make_int(static_cast<int64_t>(le(2))));
                break;
            case 0x8a:    // LONG1
            case 0x8b: {  // LONG4
                const uint64_t n = op == 0x8a ? le(1) : le(4);
                if (n > 8) fail("integer wider than 64 bits");
                uint64_t v = n ? le(static_cast<std::size_t>(n)) : 0;
                if (n > 0 && n < 8 && (v >> (8 * n - 1)) & 1) v |= ~uint64_t{0} << (8 * n);
                push(make_int(static_cast<int64_t>(v)));
                break;
            }
            case 'G': {  // BINFLOAT (big-endian)
                const uint8_t* b = take(8);
                uint64_t bits = 0;
                for (int i = 0; i < 8; ++i)
                    bits = (bits << 8) | b[i];
                PickleValue* f = make(Kind::kFloat);
                std::memcpy(&f->number, &bits, 8);
                push(f);
                break;
            }
            case 'X':  // BINUNICODE
                push(make_text(Kind::kString, bytes(le(4))));
                break;
            case 0x8c:  // SHORT_BINUNICODE
                push(make_text(Kind::kString, bytes(le(1))));
                break;
            case 0x8d:  // BINUNICODE8
                push(make_text(Kind::kString, bytes(le(8))));
                break;
            case 'T': {  // BINSTRING (Python 2 str)
                const auto n = static_cast<int32_t>(static_cast<uint32_t>(le(4)));
                if (n < 0) fail("negative string length");
                push(make_text(Kind::kString, bytes(static_cast<uint64_t>(n))));
                break;
            }
            case 'U':  // SHORT_BINSTRING
                push(make_text(Kind::kString, bytes(le(1))));
                break;
            case 'B':  // BINBYTES
                push(make_text(Kind::kBytes, bytes(le(4))));
                break;
            case 'C':  // SHORT_BINBYTES
                push(make_text(Kind::kBytes, bytes(le(1))));
                break;
            case 0x8e:  // BINBYTES8
            case 0x96:  // BYTEARRAY8
                push(make_text(Kind::kBytes, bytes(le(8))));
                break;
            case ')':
                push(make(Kind::kTuple));
                break;
            case 0x85:    // TUPLE1
            case 0x86:    // TUPLE2
            case 0x87: {  // TUPLE3
                const std::size_t n = op - 0x84u;
                PickleValue* t = make(Kind::kTuple);
                t->items.resize(n);
                for (std::size_t i = n; i-- > 0;)
                    t->items[i] = pop();
                push(t);
                break;
            }
            case 't': {  // TUPLE
                PickleValue* t = make(Kind::kTuple);
                t->items = pop_mark();
                push(t);
                break;
            }
            case ']':
            case 0x8f:  // EMPTY_SET: read as a list
                push(make(Kind::kList));
                break;
            case 'l': {  // LIST
                PickleValue* l = make(Kind::kList);
                l->items = pop_mark();
                push(l);
                break;
            }
            case 0x91: {  // FROZENSET
                PickleValue* l = make(Kind::kList);
                l->items = pop_mark();
                push(l);
                break;
            }
            case 'a': {  // APPEND
                PickleValue* v = pop();
                append(top(), v);
                break;
            }
            case 'e':     // APPENDS
            case 0x90: {  // ADDITEMS
                const auto items = pop_mark();
                PickleValue* l = top();
                for (PickleValue* v : items)
                    append(l, v);
                break;
            }
            case '}':
                push(make(Kind::kDict));
                break;
            case 'd': {  // DICT
                const auto items = pop_mark();
                if (items.size() % 2) fail("DICT with an odd number of items");
                PickleValue* d = make(Kind::kDict);
                for (std::size_t i = 0; i < items.size(); i += 2)
                    set_item(d, items[i], items[i + 1]);
                push(d);
                break;
            }
            case 's': {  // SETITEM
                PickleValue* v = pop();
                PickleValue* k = pop();
                set_item(top(), k, v);
                break;
            }
            case 'u': {  // SETITEMS
                const auto items = pop_mark();
                if (items.size() % 2) fail("SETITEMS with an odd number of items");
                PickleValue* d = top();
                for (std::size_t i = 0; i < items.size(); i += 2)
                    set_item(d, items[i], items[i + 1]);
                break;
            }
            case 'q':  // BINPUT
                memo_[le(1)] = top();
                break;
            case 'r':  // LONG_BINPUT
                memo_[le(4)] = top();
                break;
            case 0x94:  // MEMOIZE
                memo_[memo_.size()] = top();
                break;
            case 'p':  // PUT
                memo_[decimal()] = top();
                break;
            case 'h':    // BINGET
            case 'j':    // LONG_BINGET
            case 'g': {  // GET
                const uint64_t key = op == 'h' ? le(1) : op == 'j' ? le(4) : decimal();
                auto it = memo_.find(key);
                if (it == memo_.end()) fail("memo key " + std::to_string(key) + " not defined");
                push(it->second);
                break;
            }
            case 'c': {  // GLOBAL
                const std::string module = line();
                const std::string name = line();
                push(global(module, name));
                break;
            }
            case 0x93: {  // STACK_GLOBAL
                PickleValue* name = pop();
                PickleValue* module = pop();
                if (module->kind != Kind::kString || name->kind != Kind::kString)
                    fail("STACK_GLOBAL needs two strings");
                push(global(module->text, name->text));
                break;
            }
            case 'R': {  // REDUCE
                PickleValue* args = pop();
                PickleValue* callable = pop();
                push(reduce(callable, args));
                break;
            }
            case 'b': {  // BUILD: state of OrderedDict subclasses (_metadata) and parameters
                PickleValue* state = pop();
                (void)state;
                const Kind k = top()->kind;
                if (k != Kind::kDict && k != Kind::kTensor && k != Kind::kOpaque)
                    fail(std::string("BUILD on a ") + top()->kind_name());
                break;
            }
            case 'Q': {  // BINPERSID
                PickleValue* pid = pop();
                push(persistent_load(pid));
                break;
            }
            case 0x81:                  // NEWOBJ
            case 0x92: {                // NEWOBJ_EX
                if (op == 0x92) pop();  // kwargs
                pop();                  // args
                PickleValue* cls = pop();
                if (cls->kind != Kind::kOpaque)
                    fail("refusing to construct an object of '" + cls->text + "'");
                push(make_text(Kind::kOpaque, cls->text + " instance"));
                break;
            }
            case 'i':  // INST
            case 'o':  // OBJ
                fail("refusing the object-construction opcode '" + std::string(1, char(op)) + "'");
            case 0x82:
            case 0x83:
            case 0x84:
                fail("refusing the extension-registry opcodes (EXT1/2/4)");
            case 'P':
                fail("text persistent ids are not used by torch.save");
            case 0x97:
            case 0x98:
                fail("out-of-band pickle buffers are not supported");
            default: {
                static const char* hex = "0123456789abcdef";
                fail(std::string("unsupported pickle opcode 0x") + hex[op >> 4] + hex[op & 15]);
            }
        }
    }
}

}  // namespace

const char* PickleValue::kind_name() const {
    switch (kind) {
        case Kind::kNone:
            return "None";
        case Kind::kBool:
            return "bool";
        case Kind::kInt:
            return "int";
        case Kind::kFloat:
            return "float";
        case Kind::kString:
            return "str";
        case Kind::kBytes:
            return "bytes";
        case Kind::kTuple:
            return "tuple";
        case Kind::kList:
            return "list";
        case Kind::kDict:
            return "dict";
        case Kind::kGlobal:
            return "global";
        case Kind::kStorage:
            return "storage";
        case Kind::kTensor:
            return "tensor";
        case Kind::kOpaque:
            return "refused object";
    }
    return "value";
}

bool storage_dtype_from_global(const std::string& name, DType* dtype) {
    for (const char* prefix : {"torch.", "torch.cuda."}) {
        const std::size_t n = std::strlen(prefix);
        if (name.compare(0, n, prefix) != 0) continue;
        auto it = storage_types().find(name.substr(n));
        if (it != storage_types().end()) {
            *dtype = it->second;
            return true;
        }
    }
    return false;
}

bool dtype_from_torch_global(const std::string& name, DType* dtype) {
    if (name.compare(0, 6, "torch.") != 0) return false;
    auto it = torch_dtypes().find(name.substr(6));
    if (it == torch_dtypes().end()) return false;
    *dtype = it->second;
    return true;
}

PickleDocument parse_pickle(const uint8_t* data, std::size_t size, const std::string& label,
                            const PickleOptions& options) {
    if (size == 0) throw FormatError(label + ": empty pickle");
    return Unpickler(data, size, label, options).run();
}

}  // namespace nava::io
