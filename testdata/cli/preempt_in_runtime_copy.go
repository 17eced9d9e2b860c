// A goroutine that spends its time in runtime copies ([]byte(s) of 1 MB: malloc,
// then libc's memmove) while main collects: preemption signals land in C++ and
// libc code, which is not a safe point, and preempttrace attributes those retries
// to the JIT'd function that called the runtime (testdata/cli/CMakeLists.txt).
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var sink []byte

func main() {
	done := make(chan bool)
	go func() {
		s := strings.Repeat("x", 1<<20)
		for i := 0; i < 3000; i++ {
			sink = []byte(s)
		}
		done <- true
	}()
	for i := 0; i < 20; i++ {
		runtime.GC()
	}
	<-done
	fmt.Println(len(sink))
}
