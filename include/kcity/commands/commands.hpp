// The commands as library functions: options in, an Outcome out. The CLI only parses the
// command line, calls one of these, and writes what comes back.
#pragma once
#include "kcity/commands/check.hpp"
#include "kcity/commands/diff.hpp"
#include "kcity/commands/exit.hpp"
#include "kcity/commands/explain.hpp"
#include "kcity/commands/init.hpp"
#include "kcity/commands/letters.hpp"
#include "kcity/commands/outcome.hpp"
#include "kcity/commands/output.hpp"
#include "kcity/commands/panel.hpp"
#include "kcity/commands/robustness.hpp"
#include "kcity/commands/score.hpp"
#include "kcity/commands/sheets.hpp"
