package calc

import (
	"fmt"
	"testing"
)

func TestAdd(t *testing.T) {
	fmt.Println("printed by TestAdd")
	if got := Add(1, 2); got != 3 {
		t.Fatalf("Add(1, 2) = %d", got)
	}
}

func TestLog(t *testing.T) { t.Log("logged by TestLog") }

func TestSubtests(t *testing.T) {
	for _, n := range []int{1, 2, 10} {
		t.Run(fmt.Sprint("fib", n), func(t *testing.T) {
			t.Logf("Fib(%d) = %d", n, Fib(n))
		})
	}
}

// One parallel subtest and one sequential: "a" pauses, "b" runs to its end, and
// "a" continues once TestParallel's function returns. Two parallel subtests would
// print their CONT and PASS lines in an order that varies from run to run (under
// go as well), which the expected output could not hold.
func TestParallel(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			if name == "a" {
				t.Parallel()
			}
			if Add(len(name), 0) != 1 {
				t.Error("bad length")
			}
		})
	}
}

func TestSkipped(t *testing.T) { t.Skip("not today") }

func TestShort(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	t.Log("ran in full mode")
}
