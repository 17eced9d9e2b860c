// Slice, SliceStable, SliceIsSorted over any slice: a funcSorter calls the user's
// less and swaps elements with a native that moves elem-size bytes.
package sort

// sliceLen returns len(x) for a slice x, or -1 - kind (reflect.Kind) otherwise.
func sliceLen(x any) int

// swapElems swaps elements i and j of the slice x.
func swapElems(x any, i, j int)

// kindName names a reflect.Kind for the panic of a non-slice argument.
func kindName(k int) string {
	names := []string{"invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8",
		"uint16", "uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128",
		"array", "chan", "func", "interface", "map", "ptr", "slice", "string", "struct", "unsafe.Pointer"}
	if k >= 0 && k < len(names) {
		return names[k]
	}
	return "kind"
}

type funcSorter struct {
	x    any
	n    int
	less func(i, j int) bool
}

func (f *funcSorter) Len() int           { return f.n }
func (f *funcSorter) Less(i, j int) bool { return f.less(i, j) }
func (f *funcSorter) Swap(i, j int)      { swapElems(f.x, i, j) }

func newFuncSorter(method string, x any, less func(i, j int) bool) *funcSorter {
	n := sliceLen(x)
	if n < 0 {
		panic(&valueError{method, kindName(-1 - n)})
	}
	return &funcSorter{x, n, less}
}

// valueError mirrors reflect.ValueError's text for a misused reflect call.
type valueError struct {
	method string
	kind   string
}

func (e *valueError) Error() string {
	return "reflect: call of " + e.method + " on " + e.kind + " Value"
}

// Slice sorts the slice x given the provided less function. It panics if x is not
// a slice. The sort is not guaranteed to be stable.
func Slice(x any, less func(i, j int) bool) {
	f := newFuncSorter("Swapper", x, less)
	pdqsort(f, 0, f.n, bitsLen(uint(f.n)))
}

// SliceStable sorts the slice x using the provided less function, keeping equal
// elements in their original order. It panics if x is not a slice.
func SliceStable(x any, less func(i, j int) bool) {
	f := newFuncSorter("Swapper", x, less)
	stable(f, f.n)
}

// SliceIsSorted reports whether the slice x is sorted according to the provided
// less function. It panics if x is not a slice.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := sliceLen(x)
	if n < 0 {
		panic(&valueError{"Len", kindName(-1 - n)})
	}
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
