package bench

import "testing"

func TestSum(t *testing.T) {
	if Sum(10) != 55 {
		t.Fatal("Sum(10) != 55")
	}
}

func BenchmarkSum(b *testing.B) {
	for b.Loop() {
		Sum(100)
	}
}

func BenchmarkAlloc(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = make([]byte, 64)
	}
}
