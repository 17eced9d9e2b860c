// run

// Range over functions (Go 1.23): early exits of every kind, defer and panics in
// loop bodies, nested loops, and the iterators of Go's slices and maps packages.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

// Count yields 0..n-1 and reports how it ended.
func Count(n int, log *[]string) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer func() { *log = append(*log, fmt.Sprint("count done")) }()
		for i := 0; i < n; i++ {
			if !yield(i) {
				*log = append(*log, fmt.Sprint("stopped at ", i))
				return
			}
		}
	}
}

func Pairs(words ...string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}

func Nothing(yield func() bool) {
	yield()
	yield()
}

// firstOver returns from inside the loop body.
func firstOver(limit int) (int, bool) {
	var log []string
	for x := range Count(100, &log) {
		if x*x > limit {
			return x, true
		}
	}
	return -1, false
}

// named results seen by deferred calls after a return from the body.
func namedResult() (r int) {
	defer func() { r *= 10 }()
	for x := range Count(10, new([]string)) {
		if x == 4 {
			return x
		}
	}
	return 0
}

// deferInBody: defers run when the function returns, not at each iteration.
func deferInBody() {
	for x := range Count(3, new([]string)) {
		defer fmt.Println("deferred", x)
	}
	fmt.Println("loop over")
}

func nested() string {
	var b strings.Builder
outer:
	for i := range Count(4, new([]string)) {
		for j := range Count(4, new([]string)) {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Fprintf(&b, "%d%d ", i, j)
		}
	}
	return b.String()
}

func nestedReturn() (string, int) {
	for i := range Count(5, new([]string)) {
		for j := range Count(5, new([]string)) {
			if i*j == 6 {
				return "found", i*10 + j
			}
		}
	}
	return "none", 0
}

func withGoto() int {
	n := 0
	for x := range Count(10, new([]string)) {
		n += x
		if x == 5 {
			goto out
		}
	}
	return -1
out:
	return n
}

func recovered() (msg string) {
	defer func() { msg = fmt.Sprint("recovered: ", recover()) }()
	for x := range Count(5, new([]string)) {
		if x == 2 {
			panic(fmt.Sprintf("boom at %d", x))
		}
	}
	return "no panic"
}

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) All(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.All(yield) && yield(t.Val) && t.Right.All(yield)
}

func (t *Tree) Walk() iter.Seq[int] {
	return func(yield func(int) bool) { t.All(yield) }
}

func insert(t *Tree, v int) *Tree {
	if t == nil {
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = insert(t.Left, v)
	} else {
		t.Right = insert(t.Right, v)
	}
	return t
}

func main() {
	var log []string
	sum := 0
	for x := range Count(5, &log) {
		sum += x
	}
	fmt.Println("sum", sum, log)

	log = nil
	for x := range Count(10, &log) {
		if x == 3 {
			break
		}
		if x%2 == 0 {
			continue
		}
		fmt.Println("odd", x)
	}
	fmt.Println(log)

	for i, w := range Pairs("a", "b", "c") {
		fmt.Print(i, w, " ")
	}
	fmt.Println()
	n := 0
	for range Nothing {
		n++
	}
	fmt.Println("nothing ran", n, "times")

	var k int
	var v string
	for k, v = range Pairs("x", "y") {
	}
	fmt.Println("assigned", k, v)

	fmt.Println(firstOver(50))
	fmt.Println(namedResult())
	deferInBody()
	fmt.Println(nested())
	fmt.Println(nestedReturn())
	fmt.Println(withGoto())
	fmt.Println(recovered())

	// Closures made in the body see each iteration's own variable.
	var fs []func() int
	for x := range Count(3, new([]string)) {
		fs = append(fs, func() int { return x * 100 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var root *Tree
	for _, v := range []int{5, 3, 8, 1, 4, 9, 7} {
		root = insert(root, v)
	}
	for v := range root.Walk() {
		if v > 7 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()

	// Go's own iterator packages.
	s := []string{"pear", "apple", "fig"}
	for i, x := range slices.All(s) {
		fmt.Print(i, "=", x, " ")
	}
	fmt.Println()
	for x := range slices.Values(s) {
		fmt.Print(len(x), " ")
	}
	fmt.Println()
	for i, x := range slices.Backward(s) {
		fmt.Print(i, x, " ")
	}
	fmt.Println()
	fmt.Println(slices.Collect(slices.Values(s)), slices.Sorted(slices.Values(s)))
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	fmt.Println(slices.Sorted(maps.Keys(m)))
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	fmt.Println(vals)
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, " ")
	}
	fmt.Println()
	for part := range strings.SplitSeq("a,b,c", ",") {
		fmt.Print("[", part, "]")
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  go  is fun ") {
		fmt.Print("<", f, ">")
	}
	fmt.Println()
}
