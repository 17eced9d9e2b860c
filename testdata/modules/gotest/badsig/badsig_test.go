package badsig

import "testing"

func TestTwoArgs(t *testing.T, n int) {}
