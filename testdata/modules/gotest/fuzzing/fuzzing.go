// Package fuzzing has a fuzz target: without -fuzz its seed corpus runs, the
// values given to f.Add and the files of testdata/fuzz/FuzzReverse.
package fuzzing

// Reverse reverses s byte by byte.
func Reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}
