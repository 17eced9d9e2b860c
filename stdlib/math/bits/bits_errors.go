// The panics of Div64 and friends. gc links runtime.overflowError and
// runtime.divideError here (go:linkname); gojit has no linkname, so these are
// local values that print as gc's do ("runtime error: integer overflow") and
// satisfy runtime.Error's method set.
package bits

type runtimeError string

func (e runtimeError) Error() string { return "runtime error: " + string(e) }
func (e runtimeError) RuntimeError() {}

var overflowError error = runtimeError("integer overflow")

var divideError error = runtimeError("integer divide by zero")
