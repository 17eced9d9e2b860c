// run

// runtime.Callers' outermost frames, runtime.main and runtime.goexit, resolved
// from the pc less one as github.com/pkg/errors resolves every frame (FuncForPC
// and FileLine of pc-1), in the main goroutine and in another.

package main

import (
	"fmt"
	"path/filepath"
	"runtime"
)

func trace() {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(1, pcs)
	for _, pc := range pcs[:n] {
		fn := runtime.FuncForPC(pc - 1)
		if fn == nil {
			fmt.Println("unknown")
			continue
		}
		file, line := fn.FileLine(pc - 1)
		fmt.Println(fn.Name(), filepath.Base(file), line > 0)
	}
}

func main() {
	trace()
	done := make(chan bool)
	go func() {
		trace()
		done <- true
	}()
	<-done
}
