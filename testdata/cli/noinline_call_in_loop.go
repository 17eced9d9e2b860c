// A loop whose only call is to a //go:noinline function whose result feeds only
// a store: gc keeps the call (and the call's safepoint). LLVM proved the callee
// free of side effects and hoisted the call out, leaving `jmp .`; the safepoint
// lab's finding. cli_noinline_call_kept checks the call is still in the loop.
package main

import "os"

var sink int

//go:noinline
func next(x int) int { return x + 1 }

//go:noinline
func spin(n int) {
	for {
		sink = next(n)
	}
}

func main() {
	if len(os.Args) > 5 { // never in the test: only the code is looked at
		spin(len(os.Args))
	}
}
