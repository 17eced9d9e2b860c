// iter.Pull, whose coroutines (runtime.newcoro, runtime.coroswitch) gojit's runtime does not
// provide yet: cli_missing_native_named checks the error that names them.
package main

import (
	"fmt"
	"iter"
)

func count(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	next, stop := iter.Pull(iter.Seq[int](count))
	defer stop()
	v, ok := next()
	fmt.Println(v, ok)
}
