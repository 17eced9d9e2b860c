// cmd/bench_report.cc: what gojit-bench makes of its samples (see bench.h): medians,
// ratios, the Markdown table the README includes, the SVG chart of the ratios, and
// the plain table printed to the terminal.
//
// The chart is SVG written by hand (no plotting library): one row per benchmark, two
// horizontal bars per row drawn from the 1.0 line on a log10 axis, so "2x slower"
// and "2x faster" are bars of the same length on opposite sides.

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "cmd/bench.h"

namespace gojit::bench {
namespace {

template <typename F>
std::optional<double> MedianOf(const std::vector<Sample>& samples, F get) {
  if (samples.empty()) return std::nullopt;
  std::vector<double> v;
  for (const Sample& s : samples) v.push_back(get(s));
  return Median(v);
}

std::string Seconds(std::optional<double> s) {
  if (!s) return "–";
  if (*s < 0.1) return absl::StrFormat("%.3f", *s);
  return absl::StrFormat("%.2f", *s);
}

std::string MiB(std::optional<double> m) {
  if (!m) return "–";
  return absl::StrFormat(*m < 10 ? "%.1f" : "%.0f", *m);
}

std::string RatioText(double r) {
  return absl::StrFormat(r < 9.95 ? "%.2f×" : "%.1f×", r);
}

std::string RatioCell(const Result& r, Impl other) {
  if (std::optional<double> q = r.Ratio(other)) return RatioText(*q);
  return "–";
}

// "gojit / gc / gccgo" values of one measure in one cell.
template <typename F>
std::string Triple(const Result& r, F cell) {
  return absl::StrCat(cell(r.series[kGojit]), " / ", cell(r.series[kGc]), " / ",
                      cell(r.series[kGccgo]));
}

std::string NameCell(const Result& r) {
  switch (r.bench->mode) {
    case Mode::kEndToEnd: return absl::StrCat(r.bench->name, " (e2e)");
    case Mode::kEdit: return absl::StrCat(r.bench->name, " (edit)");
    case Mode::kBinary: break;
  }
  return r.bench->name;
}

std::string XmlEscape(absl::string_view s) {
  return absl::StrReplaceAll(s, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}});
}

std::string MdEscape(absl::string_view s) { return absl::StrReplaceAll(s, {{"|", "\\|"}}); }

}  // namespace

std::optional<double> Series::MedianWall() const {
  return MedianOf(samples, [](const Sample& s) { return s.wall_s; });
}
std::optional<double> Series::MedianCpu() const {
  return MedianOf(samples, [](const Sample& s) { return s.cpu_s; });
}
std::optional<double> Series::MedianRssMiB() const {
  return MedianOf(samples, [](const Sample& s) { return s.max_rss_kib / 1024.0; });
}

std::optional<double> Series::MedianProgram() const {
  std::vector<double> v;
  for (const Sample& s : samples)
    if (s.program_s) v.push_back(*s.program_s);
  if (v.empty() || v.size() != samples.size()) return std::nullopt;
  return Median(v);
}

std::optional<double> Series::MedianPauseMs() const {
  std::vector<double> v;
  for (const Sample& s : samples)
    if (s.longest_pause_ms) v.push_back(*s.longest_pause_ms);
  if (v.empty() || v.size() != samples.size()) return std::nullopt;
  return Median(v);
}

std::string Series::WallCell() const {
  if (!available) return "n/a";
  if (!failure.empty()) return "**FAILURE**";
  return absl::StrCat(Seconds(MedianWall()), " s");
}

std::optional<double> Result::Ratio(Impl other) const {
  const Series& a = series[kGojit];
  const Series& b = series[other];
  if (!a.available || !b.available || !a.failure.empty() || !b.failure.empty())
    return std::nullopt;
  std::optional<double> x = a.MedianWall(), y = b.MedianWall();
  if (!x || !y || *y <= 0) return std::nullopt;
  return *x / *y;
}

std::optional<double> Result::CodeRatio() const {
  if (bench->mode != Mode::kBinary || !Ratio(kGc)) return std::nullopt;
  std::optional<double> x = series[kGojit].MedianProgram(), y = series[kGc].MedianWall();
  if (!x || !y || *y <= 0) return std::nullopt;
  return *x / *y;
}

std::string MarkdownReport(const Environment& env, const std::vector<Result>& results) {
  std::string md;
  absl::StrAppend(&md, "<!-- Written by gojit-bench; do not edit. -->\n\n");
  absl::StrAppend(&md, "- **Machine**: ", env.machine, "\n");
  absl::StrAppend(&md, "- **Date**: ", env.date, "\n");
  absl::StrAppend(&md, "- **Versions**: `", env.gojit_version, "` · `", env.go_version,
                  "` · `", env.gccgo_version, "`\n");
  absl::StrAppendFormat(&md,
                        "- **Method**: %d repetition%s per implementation, runs alternated "
                        "(gojit, gc, gccgo, gojit, ...); medians shown%s. Full run: %.0f s.\n\n",
                        env.reps, env.reps == 1 ? "" : "s",
                        env.quick ? "; --quick sizes (not comparable)" : "",
                        env.total_wall_s);
  absl::StrAppend(
      &md,
      "| benchmark | gojit | gc | gccgo -O2 | gojit/gc | JIT'd code/gc | gojit/gccgo | "
      "CPU s: gojit / gc / gccgo | peak RSS MiB: gojit / gc / gccgo |\n"
      "|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
  for (const Result& r : results) {
    std::optional<double> code = r.CodeRatio();
    absl::StrAppend(
        &md, "| ", NameCell(r), " | ", r.series[kGojit].WallCell(), " | ",
        r.series[kGc].WallCell(), " | ", r.series[kGccgo].WallCell(), " | ",
        RatioCell(r, kGc), " | ", code ? RatioText(*code) : "–", " | ", RatioCell(r, kGccgo), " | ",
        Triple(r, [](const Series& s) { return Seconds(s.MedianCpu()); }), " | ",
        Triple(r, [](const Series& s) { return MiB(s.MedianRssMiB()); }), " |\n");
  }
  absl::StrAppend(&md,
                  "\nTimes are median wall-clock seconds; ratios above 1 mean gojit is "
                  "slower. gc is the `go build` binary, gccgo the `gccgo-12 -O2` binary; "
                  "rows marked (e2e) time `gojit run` against `go run` (warm build cache) "
                  "and gccgo's compile plus run. gojit runs with a warm program cache "
                  "(one untimed run first, as gc's binary is built first), except "
                  "compile2k, which runs with GOJITCACHE=off to time compilation. "
                  "*JIT'd code/gc* compares the JIT'd program alone (the run phase "
                  "`gojit run --time` reports, from entry to exit) with gc's binary. "
                  "gc and gojit both run goroutines on "
                  "all cores (GOMAXPROCS = nproc). CPU is user+sys; peak RSS "
                  "is the largest resident set of the process and the children it "
                  "waited for.\n");
  // The programs that report their longest collector pause.
  bool any_pause = false;
  for (const Result& r : results) {
    for (const Series& s : r.series) {
      if (!s.MedianPauseMs()) continue;
      if (!any_pause) {
        absl::StrAppend(&md,
                        "\nLongest garbage-collection pause, as each program reports it "
                        "(the largest `runtime.MemStats.PauseNs` entry: one cycle's "
                        "stop-the-world time, both pauses of a concurrent cycle together), "
                        "in milliseconds, median of the runs:\n\n"
                        "| benchmark | gojit | gc | gccgo -O2 | gojit/gc |\n|---|--:|--:|--:|--:|\n");
      }
      any_pause = true;
      auto cell = [](const Series& x) {
        std::optional<double> ms = x.MedianPauseMs();
        return ms ? absl::StrFormat(*ms < 1 ? "%.3f" : "%.2f", *ms) : std::string("–");
      };
      std::optional<double> a = r.series[kGojit].MedianPauseMs(), b = r.series[kGc].MedianPauseMs();
      absl::StrAppend(&md, "| ", NameCell(r), " | ", cell(r.series[kGojit]), " | ",
                      cell(r.series[kGc]), " | ", cell(r.series[kGccgo]), " | ",
                      a && b && *b > 0 ? RatioText(*a / *b) : "–", " |\n");
      break;
    }
  }
  bool any_problem = false;
  for (const Result& r : results) {
    for (int i = 0; i < kNumImpls; ++i) {
      const Series& s = r.series[i];
      if (s.available && s.failure.empty()) continue;
      if (!any_problem) absl::StrAppend(&md, "\nFailures and n/a:\n\n");
      any_problem = true;
      static const char* kImplName[] = {"gojit", "gc", "gccgo"};
      absl::StrAppend(&md, "- ", r.bench->name, ", ", kImplName[i], ": ",
                      MdEscape(s.available ? s.failure : s.why), "\n");
    }
  }
  absl::StrAppend(&md, "\nWhat each program does (testdata/bench/):\n\n");
  for (const Result& r : results)
    absl::StrAppend(&md, "- `", r.bench->name, "`: ", MdEscape(r.bench->purpose), "\n");
  return md;
}

std::string TextTable(const std::vector<Result>& results) {
  std::string t = absl::StrFormat("%-22s %10s %10s %10s %9s %9s %11s  %s\n", "benchmark",
                                  "gojit", "gc", "gccgo", "gojit/gc", "code/gc", "gojit/gccgo",
                                  "peak RSS MiB gojit/gc/gccgo");
  for (const Result& r : results) {
    auto cell = [](const Series& s) {
      std::string c = s.WallCell();
      return c == "**FAILURE**" ? std::string("FAILURE") : c;
    };
    std::optional<double> code = r.CodeRatio();
    absl::StrAppendFormat(&t, "%-22s %10s %10s %10s %9s %9s %11s  %s\n", NameCell(r),
                          cell(r.series[kGojit]), cell(r.series[kGc]),
                          cell(r.series[kGccgo]), RatioCell(r, kGc),
                          code ? RatioText(*code) : "–", RatioCell(r, kGccgo),
                          Triple(r, [](const Series& s) { return MiB(s.MedianRssMiB()); }));
  }
  return t;
}

// --- the SVG chart ---------------------------------------------------------------

std::string SvgChart(const Environment& env, const std::vector<Result>& results) {
  // Layout, in pixels.
  constexpr int kWidth = 960, kLeft = 190, kRight = 70, kTop = 92, kRow = 36, kBar = 13;
  constexpr int kBottom = 64;
  const int plot_w = kWidth - kLeft - kRight;
  const int height = kTop + kRow * static_cast<int>(results.size()) + kBottom;
  static const char* kColor[] = {"", "#3b6fb6", "#e08a2c"};  // by Impl

  // The axis covers every ratio and at least 0.1 .. 10, in whole decades.
  double lo = 0.1, hi = 10;
  for (const Result& r : results) {
    for (Impl o : {kGc, kGccgo}) {
      if (std::optional<double> q = r.Ratio(o)) {
        lo = std::min(lo, *q);
        hi = std::max(hi, *q);
      }
    }
  }
  const double llo = std::floor(std::log10(lo)), lhi = std::ceil(std::log10(hi));
  auto x_of = [&](double ratio) {
    return kLeft + (std::log10(ratio) - llo) / (lhi - llo) * plot_w;
  };

  std::string s = absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
      "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" "
      "font-size=\"13\">\n"
      "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
      kWidth, height, kWidth, height);
  absl::StrAppendFormat(&s,
                        "<text x=\"%d\" y=\"26\" font-size=\"17\" font-weight=\"bold\">"
                        "gojit time / reference time (median wall clock, log scale)</text>\n",
                        kLeft - 170);
  absl::StrAppendFormat(&s,
                        "<text x=\"%d\" y=\"46\" fill=\"#555\">left of 1.0: gojit faster; "
                        "right of 1.0: gojit slower</text>\n",
                        kLeft - 170);
  // Legend.
  const char* kLegend[] = {"", "gojit / gc (go build; go run for e2e)", "gojit / gccgo -O2"};
  int lx = kLeft - 170;
  for (Impl o : {kGc, kGccgo}) {
    absl::StrAppendFormat(&s,
                          "<rect x=\"%d\" y=\"58\" width=\"14\" height=\"14\" fill=\"%s\"/>"
                          "<text x=\"%d\" y=\"70\">%s</text>\n",
                          lx, kColor[o], lx + 20, XmlEscape(kLegend[o]));
    lx += 330;
  }
  // Grid: 1, 2, 5 in every decade; decade lines darker; labels at the bottom.
  const int plot_top = kTop - 6, plot_bottom = kTop + kRow * static_cast<int>(results.size());
  for (int d = static_cast<int>(llo); d <= static_cast<int>(lhi); ++d) {
    for (int m : {1, 2, 5}) {
      double v = m * std::pow(10.0, d);
      if (std::log10(v) > lhi + 1e-9) break;
      double x = x_of(v);
      absl::StrAppendFormat(&s,
                            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n",
                            x, plot_top, x, plot_bottom, m == 1 ? "#bbb" : "#e6e6e6");
      std::string label = v >= 1 ? absl::StrFormat("%g", v) : absl::StrFormat("%g", v);
      absl::StrAppendFormat(&s,
                            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\" "
                            "font-size=\"11\">%s×</text>\n",
                            x, plot_bottom + 16, label);
    }
  }
  // Rows.
  for (size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    int y = kTop + kRow * static_cast<int>(i);
    if (i % 2 == 1)
      absl::StrAppendFormat(&s,
                            "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#000\" "
                            "fill-opacity=\"0.035\"/>\n",
                            y - 4, kWidth, kRow);
    absl::StrAppendFormat(&s,
                          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                          kLeft - 10, y + kBar + 5, XmlEscape(NameCell(r)));
    int by = y;
    for (Impl o : {kGc, kGccgo}) {
      const Series& other = r.series[o];
      const Series& mine = r.series[kGojit];
      double one = x_of(1.0);
      if (std::optional<double> q = r.Ratio(o)) {
        double x = x_of(*q);
        double x0 = std::min(one, x), w = std::max(std::abs(x - one), 1.5);
        absl::StrAppendFormat(&s,
                              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                              "fill=\"%s\"/>\n",
                              x0, by, w, kBar, kColor[o]);
        bool right = *q >= 1;
        absl::StrAppendFormat(&s,
                              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\" "
                              "fill=\"#222\">%s</text>\n",
                              right ? x + 4 : x - 4, by + kBar - 2, right ? "start" : "end",
                              RatioText(*q));
      } else {
        std::string why = !mine.failure.empty()    ? "gojit FAILURE"
                          : !other.available        ? "n/a"
                          : !other.failure.empty() ? "reference FAILURE"
                                                    : "no data";
        bool bad = why.find("FAILURE") != std::string::npos;
        absl::StrAppendFormat(&s,
                              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\" "
                              "font-weight=\"%s\">%s (%s)</text>\n",
                              one + 6, by + kBar - 2, bad ? "#c0202a" : "#777",
                              bad ? "bold" : "normal", why, o == kGc ? "gc" : "gccgo");
      }
      by += kBar + 2;
    }
  }
  // The 1.0 line, on top of the bars.
  absl::StrAppendFormat(&s,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" "
                        "stroke-width=\"1.5\"/>\n",
                        x_of(1.0), plot_top, x_of(1.0), plot_bottom);
  absl::StrAppendFormat(&s,
                        "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555\">%s · %s · "
                        "%s · %s</text>\n",
                        kLeft - 170, height - 14, XmlEscape(env.machine), env.date,
                        XmlEscape(env.gojit_version), XmlEscape(env.go_version));
  absl::StrAppend(&s, "</svg>\n");
  return s;
}

}  // namespace gojit::bench
