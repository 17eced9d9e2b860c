package c_test

import (
	"testing"

	"example.com/gotest/tree/b/c"
)

func TestTwo(t *testing.T) {
	if c.Two != 2 {
		t.Fatal("Two")
	}
}
