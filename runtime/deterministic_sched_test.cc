// Tests of deterministic_sched.h's recording format, which a replay must accept
// exactly when it can follow it. The scheduling itself is tested end to end by
// testdata/sched/ (explore, seeds, record and replay of real programs).
#include "runtime/deterministic_sched.h"

#include <string>

#include "gtest/gtest.h"

namespace gojit::rt {
namespace {

TEST(SchedRecordingTest, AcceptsDecisionsAndInputs) {
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=42\n"
                                "slice 64 17\n"
                                "pick 3 g7\n"
                                "select 2 1\n"
                                "input 0 3 616263\n"
                                "input 0 0 -\n"
                                "input -1 2 ff00\n"),
            "");
}

TEST(SchedRecordingTest, AcceptsHeaderOnly) {
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=0\n"), "");
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=0 pct=3\n"), "");
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=0 pcd=3\n"), "1: unexpected \" pcd=3\" after the seed");
}

TEST(SchedRecordingTest, RejectsMissingHeader) {
  EXPECT_EQ(CheckSchedRecording("package main\n"),
            "1: not a gojit schedule recording (no \"gojit-sched 1 seed=N\" header)");
  EXPECT_EQ(CheckSchedRecording(""), "1: empty recording");
}

TEST(SchedRecordingTest, RejectsBadDecisionsWithTheirLine) {
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=1\nslice 64 3\nshuffle 2 1\n"),
            "3: unknown decision \"shuffle\"");
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=1\npick 2 1\n"),
            "2: a pick chooses a goroutine (want pick N gID)");
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=1\nslice 64 g1\n"),
            "2: only a pick chooses a goroutine");
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=1\nslice 64\n"),
            "2: not a decision (want KIND N CHOICE)");
}

TEST(SchedRecordingTest, RejectsInputsWhoseBytesDoNotMatch) {
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=1\ninput 0 3 6162\n"),
            "2: input has 2 bytes, not 3");
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=1\ninput 0 1 zz\n"), "2: bad input bytes");
  EXPECT_EQ(CheckSchedRecording("gojit-sched 1 seed=1\ninput 0\n"),
            "2: not an input (want input FD RESULT HEX)");
}

}  // namespace
}  // namespace gojit::rt
