// run

// A switch on a slice, map or func value compares it with nil cases; a tagless
// switch may repeat a constant bool case (gc checks only numbers and strings) and
// compares an interface case with true; an interface switch tells case 0 from
// case int64(0).

package main

import "fmt"

func kind(s []int, m map[string]int, f func() int) string {
	out := ""
	switch s {
	case nil:
		out += "s=nil "
	default:
		out += fmt.Sprintf("s=%v ", s)
	}
	switch m {
	case nil:
		out += "m=nil "
	default:
		out += fmt.Sprintf("m=%d ", len(m))
	}
	switch f {
	case nil:
		out += "f=nil"
	default:
		out += fmt.Sprintf("f()=%d", f())
	}
	return out
}

const wordSize = 8

func main() {
	fmt.Println(kind(nil, nil, nil))
	fmt.Println(kind([]int{1, 2}, map[string]int{"a": 1}, func() int { return 7 }))
	switch g := func() {}; g {
	case nil:
		fmt.Println("g is nil")
	default:
		fmt.Println("g is not nil")
	}
	switch {
	case wordSize != 8:
		fmt.Println("not 64-bit")
	case wordSize != 8:
		fmt.Println("still not 64-bit")
	default:
		fmt.Println("64-bit")
	}
	for _, i := range []interface{}{true, false, 1, nil} {
		switch {
		case i:
			fmt.Println(i, "is true")
		default:
			fmt.Println(i, "is not true")
		}
	}
	for _, e := range []interface{}{0, int64(0), float32(10)} {
		switch e {
		case 0:
			fmt.Println("int 0")
		case int64(0):
			fmt.Println("int64 0")
		default:
			fmt.Printf("%T\n", e)
		}
	}
}
