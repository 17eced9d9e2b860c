package fuzzing

import "testing"

func FuzzReverse(f *testing.F) {
	f.Add("hello", 1)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, s string, n int) {
		t.Logf("seed %q %d", s, n)
		if Reverse(Reverse(s)) != s {
			t.Errorf("double reverse of %q", s)
		}
		if len(Reverse(s)) != len(s) || n < 0 {
			t.Errorf("Reverse(%q) changed the length", s)
		}
	})
}
