// run

// Go 1.20: a slice converts to an array of its element type (a copy of its first N
// elements), as it converts to a pointer to such an array (the slice's own array);
// too short a slice panics.

package main

import "fmt"

type A [4]int

func main() {
	s := []int{1, 2, 3, 4}
	a := [3]int(s)
	a[0] = 9
	fmt.Println(a, s)
	fmt.Println([0]int(s), [0]int([]int(nil)))
	p := (*[2]int)(s)
	p[1] = 7
	fmt.Println(s, A(s))
	big := make([]int64, 300)
	for i := range big {
		big[i] = int64(i * i)
	}
	arr := [256]int64(big)
	big[255] = -1
	fmt.Println(arr[255], len(arr))
	key := [2]string([]string{"x", "y", "z"})
	m := map[[2]string]bool{key: true}
	fmt.Println(m[[2]string{"x", "y"}])
	defer func() { fmt.Println(recover()) }()
	_ = [5]int(s)
}
