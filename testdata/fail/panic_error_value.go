// exitcode: 2

// panic with an error value prints its Error(), here marked [recovered] because
// the deferred call that recovered it panics again (with a struct value, which gc
// prints as its type and address).

package main

import "errors"

type point struct{ x, y int }

func main() {
	defer func() {
		if r := recover(); r.(error).Error() != "boom" {
			panic("recovered the wrong value")
		}
		panic(point{1, 2})
	}()
	panic(errors.New("boom"))
}
