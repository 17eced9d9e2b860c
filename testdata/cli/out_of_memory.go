// Keeps 64 MiB blocks until the heap cannot grow: under `ulimit -v` that is gc's
// "runtime: out of memory: cannot allocate ... -byte block" and a fatal error.
package main

func main() {
	var keep [][]byte
	for i := 0; ; i++ {
		keep = append(keep, make([]byte, 64<<20))
		keep[i][0] = 1
	}
}
