// run

// Package maps (Clone, Copy, DeleteFunc, Equal, EqualFunc) on named and nil maps, with Go's panics.
// fmt prints maps with sorted keys, so the output does not depend on map order.

package main

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

type Ages map[string]int

// keys returns m's keys, sorted.
func keys[M ~map[K]V, K string | int, V any](m M) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// try runs f and prints what it panics with, if anything.
func try(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", what, r)
		}
	}()
	f()
	fmt.Printf("%s: no panic\n", what)
}

func main() {
	fmt.Println("== Equal, EqualFunc")
	a := map[string]int{"x": 1, "y": 2}
	fmt.Println(maps.Equal(a, map[string]int{"y": 2, "x": 1}), maps.Equal(a, map[string]int{"x": 1}),
		maps.Equal(a, map[string]int{"x": 1, "z": 2}), maps.Equal(a, map[string]int{"x": 1, "y": 3}))
	fmt.Println(maps.Equal(map[int]int(nil), map[int]int{}), maps.Equal(Ages{"ann": 3}, map[string]int{"ann": 3}))
	nan := math.NaN()
	withNaN := map[string]float64{"n": nan}
	fmt.Println(maps.Equal(withNaN, withNaN), maps.Equal(map[float64]int{nan: 1}, map[float64]int{nan: 1}))
	toStr := func(v int, s string) bool { return strconv.Itoa(v) == s }
	fmt.Println(maps.EqualFunc(a, map[string]string{"x": "1", "y": "2"}, toStr),
		maps.EqualFunc(a, map[string]string{"x": "1", "y": "02"}, toStr),
		maps.EqualFunc(a, map[string]string{"x": "1", "z": "2"}, toStr),
		maps.EqualFunc(map[string]int(nil), map[string]string{}, toStr))
	fmt.Println(maps.EqualFunc(withNaN, withNaN, func(x, y float64) bool { return math.IsNaN(x) && math.IsNaN(y) }))

	fmt.Println("== Clone")
	ages := Ages{"ann": 30, "bob": 25}
	c := maps.Clone(ages)
	c["cat"] = 41
	delete(c, "ann")
	fmt.Printf("%T %v %v\n", c, c, ages)
	var nilAges Ages
	fmt.Println(maps.Clone(nilAges) == nil, maps.Clone(Ages{}) == nil, len(maps.Clone(Ages{})))
	deep := map[string][]int{"s": {1, 2}}
	dc := maps.Clone(deep)
	dc["s"][0] = 99 // shallow: the slices are shared
	fmt.Println(deep, dc)

	fmt.Println("== Copy")
	dst := map[string]int{"a": 1, "b": 2}
	maps.Copy(dst, Ages{"b": 20, "c": 30})
	fmt.Println(dst)
	maps.Copy(dst, map[string]int(nil))
	fmt.Println(dst)
	var nilDst map[string]int
	try("Copy(nil, empty)", func() { maps.Copy(nilDst, map[string]int{}) })
	try("Copy(nil, non-empty)", func() { maps.Copy(nilDst, map[string]int{"k": 1}) })

	fmt.Println("== DeleteFunc")
	m := map[int]string{}
	for i := 0; i < 20; i++ {
		m[i] = strconv.Itoa(i * i)
	}
	calls := 0
	maps.DeleteFunc(m, func(k int, v string) bool {
		calls++
		return k%3 != 0 || strings.HasSuffix(v, "6")
	})
	fmt.Println(m, len(m), calls, keys(m))
	maps.DeleteFunc(m, func(int, string) bool { return true })
	fmt.Println(m, len(m), m == nil)
	var nilM map[string]int
	maps.DeleteFunc(nilM, func(string, int) bool { return true })
	fmt.Println(nilM == nil)
	names := Ages{"ann": 1, "bob": 2, "cat": 3}
	maps.DeleteFunc(names, func(k string, v int) bool { return v == 2 })
	fmt.Println(keys(names))
}
