package failing

import (
	"fmt"
	"testing"
)

func TestPositive(t *testing.T) {
	if Double(2) != 4 {
		t.Error("Double(2) != 4")
	}
}

func TestNegative(t *testing.T) {
	if got := Double(-2); got != -4 {
		t.Errorf("Double(-2) = %d, want -4", got)
	}
	t.Log("still running after Errorf")
}

func TestSubFails(t *testing.T) {
	t.Run("ok", func(t *testing.T) {})
	t.Run("bad", func(t *testing.T) { t.Fatal("fatal in a subtest") })
}

func ExampleDouble() {
	fmt.Println(Double(-1))
	// Output: -2
}
