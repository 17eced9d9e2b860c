// exitcode: 2

// A deferred call that recovers a panic and panics again prints the first panic
// marked [recovered], then the second, indented.

package main

func main() {
	defer func() {
		r := recover()
		panic(r.(string) + " again")
	}()
	panic("first")
}
