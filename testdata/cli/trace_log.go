// trace.Log, whose runtime half (runtime/trace.userLog, the execution tracer's)
// gojit's runtime does not provide: cli_missing_native_named checks the error
// that names it.
package main

import (
	"context"
	"fmt"
	"runtime/trace"
)

func main() {
	fmt.Println("before")
	trace.Log(context.Background(), "category", "message")
}
