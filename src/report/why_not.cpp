// The optimal set's why-not, shared by `kcity explain` and `kcity diff` (why_not.hpp).
#include "why_not.hpp"

namespace kcity {
namespace {

// "1, 3, 4, 6"
std::string rank_list(const std::vector<int>& ranks) {
    std::string out;
    for (int r : ranks) out += (out.empty() ? "" : ", ") + std::to_string(r);
    return out;
}

struct Say {
    const WhyNotFacts& f;
    Lang lang;
    std::string operator()(std::string_view key, const std::vector<std::string>& values) const {
        return format_label(key, lang, values);
    }
    std::string money(Krw k) const { return format_krw(k, lang); }
    std::string score(Decimal d) const { return format_decimal(d, f.places); }
    // "PLN-2023-02 (rank 2, score 86.05), ...": the candidates at these ranks.
    std::string members(const std::vector<int>& ranks) const {
        std::string out;
        for (int rank : ranks)
            if (auto m = f.member(rank))
                out += (out.empty() ? "" : ", ") +
                       (*this)("explain.cf-member",
                               {m->first, std::to_string(rank), score(m->second)});
        return out;
    }
};

}  // namespace

std::string optimum_line(const WhyNotFacts& f, Lang lang) {
    Say say{f, lang};
    const OptimumTrace& o = f.optimum;
    return say("explain.optimum", {rank_list(o.ranks), std::to_string(o.ranks.size()),
                                   say.score(o.total), say.money(o.awards), say.money(f.budget)});
}

std::vector<std::string> why_not_lines(const WhyNotFacts& f, Lang lang) {
    Say say{f, lang};
    const OptimumTrace& o = f.optimum;
    std::vector<std::string> out;
    if (!o.counterfactual) return out;
    const Counterfactual& cf = *o.counterfactual;
    switch (cf.kind) {
        case Counterfactual::Kind::none:
            out.push_back(f.award > f.budget
                              ? say("explain.cf-award", {say.money(f.award), say.money(f.budget)})
                              : say("explain.cf-none", {}));
            return out;
        case Counterfactual::Kind::fewer:
            out.push_back(
                static_cast<int>(o.ranks.size()) >= f.min
                    ? say("explain.cf-fewer", {std::to_string(cf.ranks.size()), rank_list(cf.ranks),
                                               std::to_string(f.min)})
                    : say("explain.cf-fewer-most",
                          {std::to_string(cf.ranks.size()), rank_list(cf.ranks),
                           std::to_string(o.ranks.size())}));
            return out;
        case Counterfactual::Kind::set:
            break;
    }
    out.push_back(say("explain.cf-set", {rank_list(cf.ranks), say.score(cf.total),
                                         say.money(cf.awards), say.money(f.budget)}));
    out.push_back(cf.total == o.total ? say("explain.cf-tie", {say.score(o.total)})
                                      : say("explain.cf-short",
                                            {say.score(o.total - cf.total), say.score(o.total)}));
    if (!cf.displaced.empty())
        out.push_back(say("explain.cf-displaces", {say.members(cf.displaced)}));
    if (!cf.added.empty()) out.push_back(say("explain.cf-brings-in", {say.members(cf.added)}));
    return out;
}

}  // namespace kcity
