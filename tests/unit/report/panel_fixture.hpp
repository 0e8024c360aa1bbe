// A `kcity panel` analysis built by hand for the report tests (report_panel_*): a real run of a
// tiny call from strings (one criterion of max 100, so the leniency band is ±10.00), and the
// analysis's figures written in, so that a renderer is tested on its own, whatever the analysis
// computes.
//
//   reviewers  R1 "Kim <Minsu> | Jr" (panel.yaml): leniency +12.50, flagged, flat, missing P3
//              R2 {ko: 이서연, en: Lee Seoyeon}: leniency -1.25, consistency 0.50
//              R3 (panel.yaml, its name is its id): leniency 0.00
//              R4 (no panel.yaml member): no leniency (no shared proposal)
//   grid       P1: R1 +12.50 · R2 conflict · R3 -2.50 trimmed · R4 missing
//              P2: R1 +5.00 · R2 -1.25 · R3 0.00 · R4 reviewed alone (no deviation)
//              P3: R1 missing · R2 +1.00 · R3 -1.00 trimmed · R4 conflict
#pragma once
#include <memory>
#include <string>

#include "../fixtures.hpp"
#include "kcity/report/panel.hpp"

namespace panel_fixture {

struct Built {
    std::unique_ptr<fixtures::Run> run;
    kcity::PanelAnalysis analysis;
};

inline kcity::Decimal dec(std::int64_t hundredths) {
    return kcity::Decimal{hundredths * 100};
}

inline kcity::PanelCell reviewed(std::int64_t total, std::optional<std::int64_t> deviation,
                                 bool trimmed = false) {
    kcity::PanelCell c;
    c.kind = kcity::PanelCell::Kind::reviewed;
    c.total = dec(total);
    if (deviation) c.deviation = dec(*deviation);
    c.trimmed = trimmed;
    return c;
}

inline kcity::PanelCell cell(kcity::PanelCell::Kind kind) {
    kcity::PanelCell c;
    c.kind = kind;
    return c;
}

// `alpha`: whether alpha is defined (0.412); `calibrated`: the rules calibrate; `flips`: P3 in,
// P2 out, moved by R1's and R2's offsets (else no flip).
inline std::unique_ptr<Built> build(bool alpha = true, bool calibrated = false, bool flips = true) {
    using Kind = kcity::PanelCell::Kind;
    fixtures::CallSpec spec;
    fixtures::TrackSpec track;
    track.panel = std::string("{min_reviewers: 3, aggregate: trimmed-mean, trim: 1") +
                  (calibrated ? ", calibrate: offset}" : "}");
    spec.tracks = {track.file()};
    spec.panel =
        "- {id: R1, name: \"Kim <Minsu> | Jr\"}\n"
        "- {id: R2, name: {ko: 이서연, en: Lee Seoyeon}}\n"
        "- {id: R3, name: R3}\n"
        "- {id: R4, name: Park}\n";
    std::vector<fixtures::ProposalSpec> proposals;
    for (const char* id : {"P1", "P2", "P3"}) {
        fixtures::ProposalSpec p = fixtures::scored(id, "80");
        p.reviews = fixtures::reviews({"a: 80", "a: 70", "a: 60"});
        proposals.push_back(p);
    }
    spec.proposals = {fixtures::documents(proposals)};
    auto built = std::make_unique<Built>();
    built->run = fixtures::run(spec);
    kcity::PanelAnalysis& a = built->analysis;
    a.real = built->run->result;
    const kcity::Panel& panel = built->run->call.rules.panel;

    kcity::PanelTrack t;
    t.real = &a.real.tracks.at(0);
    t.calibrated = calibrated;
    if (alpha) {
        t.alpha = kcity::Rational(412, 1000);
        t.alpha_rounded = kcity::Decimal{4120};
    }
    t.mean_spread = dec(750);
    if (flips) {
        t.flips_in = {"P3"};
        t.flips_out = {"P2"};
        t.flip_reviewers = {"R1", "R2"};
    }

    kcity::PanelReviewer r1;
    r1.id = "R1";
    r1.member = panel.find("R1");
    r1.reviews = 2;
    r1.trimmed_high = 1;
    r1.mean_total = dec(8500);
    r1.leniency = dec(1250);
    r1.offset = dec(875);
    r1.flat = true;
    r1.lenient_warning = true;
    kcity::PanelReviewer r2;
    r2.id = "R2";
    r2.member = panel.find("R2");
    r2.reviews = 2;
    r2.conflicts = 1;
    r2.trimmed_low = 2;
    r2.mean_total = dec(7000);
    r2.leniency = dec(-125);
    r2.consistency = dec(50);
    r2.offset = dec(-125);
    kcity::PanelReviewer r3;
    r3.id = "R3";
    r3.member = panel.find("R3");
    r3.reviews = 3;
    r3.mean_total = dec(6000);
    r3.leniency = dec(0);
    r3.offset = dec(0);
    kcity::PanelReviewer r4;
    r4.id = "R4";
    r4.reviews = 1;
    r4.conflicts = 1;
    r4.mean_total = dec(9000);
    t.reviewers = {r1, r2, r3, r4};

    // The eligible proposals in the run's order, their cells by reviewer.
    for (const auto& pr : t.real->proposals) {
        kcity::PanelProposal p;
        p.result = &pr;
        const std::string& id = pr.proposal->id;
        if (id == "P1") {
            p.spread = dec(2000);
            p.cells = {reviewed(9000, 1250), cell(Kind::conflict), reviewed(7000, -250, true),
                       cell(Kind::missing)};
        } else if (id == "P2") {
            p.spread = dec(1500);
            p.cells = {reviewed(8000, 500), reviewed(7000, -125), reviewed(6500, 0),
                       reviewed(9000, std::nullopt)};
        } else {
            p.spread = dec(200);
            p.cells = {cell(Kind::missing), reviewed(7100, 100), reviewed(6900, -100, true),
                       cell(Kind::conflict)};
        }
        t.proposals.push_back(std::move(p));
    }
    for (const auto& p : t.real->proposals)
        if (p.proposal->id == "P3") t.reviewers[0].missing = {p.proposal};
    a.tracks.push_back(std::move(t));
    return built;
}

// The part of `text` from the first `from` on, up to and without the next `to`.
inline std::string part(const std::string& text, const std::string& from, const std::string& to) {
    std::size_t begin = text.find(from);
    if (begin == std::string::npos) return "(not found: " + from + ")";
    std::size_t end = text.find(to, begin + from.size());
    return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

}  // namespace panel_fixture
