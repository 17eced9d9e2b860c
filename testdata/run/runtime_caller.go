// run

// runtime.Caller, runtime.Callers, runtime.CallersFrames and runtime.FuncForPC:
// file and line of callers, function names of closures and methods, inlined calls
// listed as frames of their own, and the outermost runtime.main/runtime.goexit.

package main

import (
	"fmt"
	"runtime"
	"strings"
)

//go:noinline
func where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s:%d %v", file[strings.LastIndex(file, "/")+1:], line, ok)
}

func inl() string {
	pc, _, _, _ := runtime.Caller(0)
	return runtime.FuncForPC(pc).Name()
}

type T struct{}

func (T) M() []string {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var names []string
	for {
		f, more := frames.Next()
		names = append(names, f.Function+":"+fmt.Sprint(f.Line))
		if !more {
			break
		}
	}
	return names
}

func (t *T) P() string {
	pc, _, line, _ := runtime.Caller(0)
	return fmt.Sprint(runtime.FuncForPC(pc).Name(), " ", line)
}

func main() {
	fmt.Println(where())
	fmt.Println(inl())
	func() {
		fmt.Println(strings.Join(T{}.M(), " "))
	}()
	fmt.Println(new(T).P())
	done := make(chan string)
	go func() {
		done <- strings.Join(T{}.M(), " ")
	}()
	fmt.Println(<-done)
	pcs := make([]uintptr, 1)
	fmt.Println(runtime.Callers(0, pcs), runtime.FuncForPC(pcs[0]).Name())
	_, _, _, ok := runtime.Caller(100)
	fmt.Println(ok, runtime.FuncForPC(0) == nil)
}
