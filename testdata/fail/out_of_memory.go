// run
// exitcode: 2

// Running out of memory ends as gc's does: "fatal error: runtime: out of memory"
// and exit 2, never a crash. Each 1 TiB slice stays live; neither gc nor gojit can
// map the first one (gojit's arena is 64 GiB of address space, gc's mapping is
// refused by the kernel), so no memory is touched.

package main

import "fmt"

func main() {
	fmt.Println("allocating")
	var keep [][]byte
	for i := 0; i < 1<<16; i++ {
		keep = append(keep, make([]byte, 1<<40))
	}
	fmt.Println(len(keep))
}
