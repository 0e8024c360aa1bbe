#include "kcity/report/lottery.hpp"

#include <cctype>

namespace kcity {

std::string lottery_line(const LotteryGroup& g, Lang lang) {
    std::string ids;
    Ranks ranks;
    for (const ProposalResult* r : g.proposals) {
        ids += (ids.empty() ? "" : ", ") + r->proposal->id;
        ranks.ranks.push_back(*r->rank);
    }
    return format_message("lottery.decided", lang,
                          {{"seed", g.key->seed}, {"ids", ids}, {"ranks", ranks}});
}

std::vector<std::string> lottery_lines(const Result& result, const TrackResult& track, Lang lang) {
    std::vector<std::string> lines;
    for (const auto& g : lottery_groups(track, result.rules->program.tz_minutes))
        lines.push_back(lottery_line(g, lang));
    return lines;
}

std::string shell_quote(const std::string& word) {
    bool safe = !word.empty();
    for (unsigned char ch : word)
        if (!(std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '/')) safe = false;
    if (safe) return word;
    std::string out = "'";
    for (char ch : word) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return out + "'";
}

std::string lottery_command(const std::string& seed, const std::vector<std::string>& ids) {
    std::string list;
    for (const auto& id : ids) list += " " + shell_quote(id);
    return "for id in" + list + "; do printf '%s\\n%s' " + shell_quote(seed) +
           " \"$id\" | sha256sum; done";
}

}  // namespace kcity
