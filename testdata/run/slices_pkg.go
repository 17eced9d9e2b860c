// run

// Package slices, every function, with nil/empty slices, NaNs, aliasing and Go's panics.

package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

type IDs []int

type person struct {
	name string
	age  int
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

// lcg is a small deterministic generator for the big sorts.
type lcg uint32

func (r *lcg) next() int {
	*r = *r*1103515245 + 12345
	return int(*r>>16) & 0x7fff
}

func equality() {
	fmt.Println("== Equal, EqualFunc, Compare, CompareFunc")
	nan := math.NaN()
	fmt.Println(slices.Equal([]int{1, 2}, []int{1, 2}), slices.Equal([]int{1, 2}, []int{1, 3}),
		slices.Equal([]int{1}, []int{1, 2}), slices.Equal([]int(nil), []int{}),
		slices.Equal([]float64{nan}, []float64{nan}), slices.Equal(IDs{7}, IDs{7}))
	itoa := func(i int, s string) bool { return strconv.Itoa(i) == s }
	fmt.Println(slices.EqualFunc([]int{1, 20}, []string{"1", "20"}, itoa),
		slices.EqualFunc([]int{1, 20}, []string{"1", "2"}, itoa),
		slices.EqualFunc([]int{1}, []string{"1", "2"}, itoa),
		slices.EqualFunc([]float64{nan}, []float64{nan}, func(a, b float64) bool { return math.IsNaN(a) && math.IsNaN(b) }))
	fmt.Println(slices.Compare([]int{1, 2}, []int{1, 2, 3}), slices.Compare([]int{1, 3}, []int{1, 2, 3}),
		slices.Compare([]int{1, 2, 3}, []int{1, 2, 3}), slices.Compare([]int(nil), []int{}),
		slices.Compare([]int{}, []int{0}), slices.Compare([]string{"b"}, []string{"a", "z"}))
	fmt.Println(slices.Compare([]float64{nan}, []float64{nan}), slices.Compare([]float64{nan}, []float64{math.Inf(-1)}),
		slices.Compare([]float64{0, 1}, []float64{math.Copysign(0, -1), nan}))
	byLen := func(a int, s string) int { return cmp.Compare(a, len(s)) }
	fmt.Println(slices.CompareFunc([]int{1, 2}, []string{"a", "bb"}, byLen),
		slices.CompareFunc([]int{1, 2}, []string{"a", "b"}, byLen),
		slices.CompareFunc([]int{1}, []string{"a", "b"}, byLen),
		slices.CompareFunc([]int{1, 2}, []string{"a"}, byLen))
}

func searching() {
	fmt.Println("== Index, IndexFunc, Contains, ContainsFunc")
	s := []string{"go", "c", "rust", "c"}
	fmt.Println(slices.Index(s, "c"), slices.Index(s, "zig"), slices.Index([]int(nil), 0),
		slices.Index([]float64{math.NaN()}, math.NaN()))
	long := func(x string) bool { return len(x) > 2 }
	fmt.Println(slices.IndexFunc(s, long), slices.IndexFunc(s[:2], long), slices.IndexFunc([]string{}, long))
	fmt.Println(slices.Contains(s, "go"), slices.Contains(s, "Go"), slices.Contains(IDs(nil), 1))
	fmt.Println(slices.ContainsFunc(s, long), slices.ContainsFunc(s, func(x string) bool { return x == "" }))
}

func inserting() {
	fmt.Println("== Insert")
	fmt.Println(slices.Insert([]int(nil), 0, 1, 2), slices.Insert([]int{1, 2}, 2, 3), slices.Insert([]int{1, 2}, 0, -1, 0))
	// No room: a new array; the old one is untouched.
	a := []int{0, 1, 2, 3}
	b := slices.Insert(a, 1, 10, 11)
	fmt.Println(a, b, len(b))
	// Room: in place.
	back := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s := back[:5]
	r := slices.Insert(s, 2, 20, 21)
	fmt.Println(r, back)
	// The values come from the part of s that moves up.
	back = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s = back[:5]
	r = slices.Insert(s, 1, s[3:5]...)
	fmt.Println(r)
	// The values come from before the insertion point, and from beyond len(s).
	back = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s = back[:5]
	fmt.Println(slices.Insert(s, 3, s[0:2]...))
	back = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s = back[:5]
	fmt.Println(slices.Insert(s, 2, back[4:7]...))
	// No values: s itself, with its type (the index is still checked, below).
	x := IDs{1, 2, 3}
	y := slices.Insert(x, 1)
	fmt.Printf("%T %v\n", y, y)
	try("Insert(s, 4, 9) len 3", func() { slices.Insert([]int{1, 2, 3}, 4, 9) })
	try("Insert(s, 4) len 3", func() { slices.Insert([]int{1, 2, 3}, 4) })
	try("Insert(s, 3, 9) len 3", func() { fmt.Println(slices.Insert([]int{1, 2, 3}, 3, 9)) })
	i := -1
	try("Insert(s, -1, 9)", func() { slices.Insert([]int{1, 2, 3}, i, 9) })
}

func deleting() {
	fmt.Println("== Delete, DeleteFunc")
	back := []int{0, 1, 2, 3, 4}
	s := slices.Delete(back, 1, 3)
	fmt.Println(s, back) // Go 1.22 zeroes the vacated tail
	fmt.Println(slices.Delete([]int{0, 1, 2}, 1, 1), slices.Delete([]int{0, 1, 2}, 0, 3), slices.Delete([]int{0, 1, 2}, 2, 3))
	try("Delete(s, 2, 5) len 3", func() { slices.Delete([]int{0, 1, 2}, 2, 5) })
	try("Delete(s, 2, 1)", func() { slices.Delete([]int{0, 1, 2}, 2, 1) })
	try("Delete(s, 3, 3) len 3", func() { fmt.Println(slices.Delete([]int{0, 1, 2}, 3, 3)) })
	try("Delete(s, 4, 4) len 3 cap 5", func() { slices.Delete(make([]int, 3, 5), 4, 4) })
	words := []string{"a", "bb", "c", "dd", "ee", "f"}
	calls := 0
	w := slices.DeleteFunc(words, func(x string) bool { calls++; return len(x) == 2 })
	fmt.Printf("%q %q %d\n", w, words, calls)
	none := []int{1, 3}
	kept := slices.DeleteFunc(none, func(int) bool { return false })
	fmt.Println(kept, len(kept), cap(kept))
	gone := slices.DeleteFunc(none, func(int) bool { return true })
	fmt.Println(gone, len(gone), cap(gone), none)
	fmt.Println(slices.DeleteFunc([]int(nil), func(int) bool { return true }) == nil)
}

func replacing() {
	fmt.Println("== Replace")
	// Shorter: the tail moves down and the vacated elements are zeroed.
	back := []int{0, 1, 2, 3, 4, 5}
	r := slices.Replace(back, 1, 4, 9)
	fmt.Println(r, back)
	// Up to the end.
	back = []int{0, 1, 2, 3, 4, 5}
	r = slices.Replace(back, 4, 6)
	fmt.Println(r, back)
	back = []int{0, 1, 2, 3, 4, 5}
	fmt.Println(slices.Replace(back, 4, 6, 7, 8, 9), back)
	// Same length; i == j inserts.
	fmt.Println(slices.Replace([]int{0, 1, 2}, 0, 2, 8, 9), slices.Replace([]int{0, 1, 2}, 1, 1, 7))
	// Longer, no room: a new array.
	back = []int{0, 1, 2, 3}
	r = slices.Replace(back, 1, 2, 7, 8, 9)
	fmt.Println(r, back)
	// Longer, in place; the values come from s itself, in every position.
	arr := [10]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s := arr[:6]
	fmt.Println(slices.Replace(s, 1, 2, s[3:6]...))
	arr = [10]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s = arr[:6]
	fmt.Println(slices.Replace(s, 1, 3, s[2:5]...))
	arr = [10]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s = arr[:6]
	fmt.Println(slices.Replace(s, 1, 3, s[2:7]...))
	arr = [10]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s = arr[:6]
	fmt.Println(slices.Replace(s, 2, 3, arr[7:9]...))
	try("Replace(s, 1, 5) len 3 cap 3", func() { slices.Replace([]int{0, 1, 2}, 1, 5) })
	try("Replace(s, 1, 5) len 3 cap 10", func() { slices.Replace(make([]int, 3, 10), 1, 5) })
	try("Replace(s, 2, 1)", func() { slices.Replace([]int{0, 1, 2}, 2, 1) })
}

func compacting() {
	fmt.Println("== Compact, CompactFunc")
	back := []int{1, 1, 2, 3, 3, 3, 4, 1}
	c := slices.Compact(back)
	fmt.Println(c, back, len(c), cap(c))
	fmt.Println(slices.Compact([]int(nil)) == nil, slices.Compact([]int{5}), slices.Compact([]int{2, 2, 2}))
	nan := math.NaN()
	fmt.Println(slices.Compact([]float64{nan, nan, 0, math.Copysign(0, -1)}))
	words := []string{"a", "A", "b", "B", "b", "c"}
	fmt.Printf("%q %q\n", slices.CompactFunc(words, strings.EqualFold), words)
	x := IDs{4, 4, 5}
	y := slices.CompactFunc(x, func(a, b int) bool { return a == b })
	fmt.Printf("%T %v\n", y, y)
}

func cloning() {
	fmt.Println("== Clone, Grow, Clip, Concat, Reverse")
	a := []int{1, 2, 3}
	b := slices.Clone(a)
	b[0] = 99
	fmt.Println(a, b, slices.Clone([]int(nil)) == nil, slices.Clone([]int{}) == nil, len(slices.Clone([]int{})))
	ids := slices.Clone(IDs{3})
	fmt.Printf("%T %v\n", ids, ids)
	g := slices.Grow([]int{1, 2}, 5)
	fmt.Println(g, len(g), cap(g) >= 7)
	h := make([]int, 1, 10)
	fmt.Println(cap(slices.Grow(h, 9)), cap(slices.Grow(h, 0)), slices.Grow([]int(nil), 0) == nil)
	try("Grow(s, -1)", func() { slices.Grow([]int{}, -1) })
	clipped := slices.Clip(h)
	fmt.Println(len(clipped), cap(clipped))
	cc := slices.Concat([]int{1}, nil, []int{2, 3}, []int{})
	fmt.Println(cc, len(cc), slices.Concat[[]int]() == nil, slices.Concat([]int{}, nil) == nil)
	ic := slices.Concat(IDs{1}, IDs{2})
	fmt.Printf("%T %v\n", ic, ic)
	for _, s := range [][]int{nil, {1}, {1, 2}, {1, 2, 3}, {1, 2, 3, 4, 5, 6}} {
		slices.Reverse(s)
		fmt.Print(s, " ")
	}
	fmt.Println()
}

func minmax() {
	fmt.Println("== Min, Max, MinFunc, MaxFunc")
	fmt.Println(slices.Min([]int{3, 1, 2}), slices.Max([]int{3, 1, 2}), slices.Min([]string{"b", "a", "c"}), slices.Max(IDs{-5}))
	nan := math.NaN()
	fmt.Println(slices.Min([]float64{1, nan, 3}), slices.Max([]float64{1, nan, 3}), slices.Max([]float64{nan, 1}))
	fmt.Println(math.Signbit(slices.Min([]float64{0, math.Copysign(0, -1)})), math.Signbit(slices.Max([]float64{math.Copysign(0, -1), 0})))
	fmt.Println(slices.MinFunc([]float64{1, nan, 3}, cmp.Compare[float64]), slices.MaxFunc([]float64{1, nan, 3}, cmp.Compare[float64]))
	people := []person{{"ann", 30}, {"bob", 25}, {"cat", 30}, {"dan", 25}}
	byAge := func(a, b person) int { return cmp.Compare(a.age, b.age) }
	fmt.Println(slices.MinFunc(people, byAge), slices.MaxFunc(people, byAge))
	try("Min(nil)", func() { slices.Min([]int(nil)) })
	try("Max(empty)", func() { slices.Max([]float64{}) })
	try("MinFunc(nil)", func() { slices.MinFunc([]person(nil), byAge) })
	try("MaxFunc(nil)", func() { slices.MaxFunc([]person(nil), byAge) })
}

func sorting() {
	fmt.Println("== Sort, SortFunc, IsSorted, IsSortedFunc")
	nan := math.NaN()
	fs := []float64{3, nan, 1, math.Inf(-1), nan, 0, math.Inf(1), -2.5}
	fmt.Println(slices.IsSorted(fs))
	slices.Sort(fs)
	fmt.Println(fs, slices.IsSorted(fs))
	strs := []string{"pear", "apple", "", "fig", "Apple"}
	slices.Sort(strs)
	fmt.Printf("%q\n", strs)
	var empty []int
	slices.Sort(empty)
	slices.SortFunc(empty, func(a, b int) int { return a - b })
	fmt.Println(empty == nil, slices.IsSorted(empty), slices.IsSorted([]int{1}), slices.IsSorted([]int{1, 1, 2}), slices.IsSorted([]int{2, 1}))
	// 1000 pseudo-random ints, some equal: Sort agrees with sort.Ints.
	var rng lcg = 1
	big := make([]int, 1000)
	for i := range big {
		big[i] = rng.next() % 500
	}
	ref := slices.Clone(big)
	sort.Ints(ref)
	fmt.Println(slices.IsSorted(big))
	slices.Sort(big)
	fmt.Println(slices.IsSorted(big), slices.Equal(big, ref), big[0] <= big[999])
	// Descending input, already sorted input, all equal: pdqsort's special paths.
	desc := make([]int, 300)
	for i := range desc {
		desc[i] = 300 - i
	}
	slices.Sort(desc)
	same := make([]int, 200)
	slices.Sort(same)
	fmt.Println(slices.IsSorted(desc), desc[0], desc[299], slices.IsSorted(same))
	// SortFunc: descending, and by a struct field.
	rev := slices.Clone(big)
	slices.SortFunc(rev, func(a, b int) int { return cmp.Compare(b, a) })
	fmt.Println(slices.IsSortedFunc(rev, func(a, b int) int { return cmp.Compare(b, a) }), slices.IsSorted(rev), rev[0] == big[999])
	ps := make([]person, 500)
	for i := range ps {
		ps[i] = person{strconv.Itoa(i), rng.next() % 50}
	}
	byAge := func(a, b person) int { return cmp.Compare(a.age, b.age) }
	slices.SortFunc(ps, byAge)
	fmt.Println(slices.IsSortedFunc(ps, byAge), ps[0].age, ps[499].age)
	// Large floats with NaNs: NaNs first.
	ff := make([]float64, 200)
	for i := range ff {
		if i%17 == 0 {
			ff[i] = nan
		} else {
			ff[i] = float64(rng.next()%100) - 50
		}
	}
	slices.Sort(ff)
	nans := 0
	for _, f := range ff {
		if f != f {
			nans++
		}
	}
	fmt.Println(slices.IsSorted(ff), nans, math.IsNaN(ff[11]), math.IsNaN(ff[12]))
	ids := IDs{3, 1, 2}
	slices.Sort(ids)
	fmt.Println(ids)
}

func stable() {
	fmt.Println("== SortStableFunc")
	people := []person{{"ann", 30}, {"bob", 25}, {"cat", 30}, {"dan", 25}, {"eve", 20}, {"fay", 30}}
	slices.SortStableFunc(people, func(a, b person) int { return cmp.Compare(a.age, b.age) })
	fmt.Println(people)
	slices.SortStableFunc(people, func(a, b person) int { return cmp.Compare(b.age, a.age) })
	fmt.Println(people)
	// 1000 elements with 7 distinct keys: the original order survives within a key.
	type item struct{ key, seq int }
	var rng lcg = 42
	items := make([]item, 1000)
	for i := range items {
		items[i] = item{rng.next() % 7, i}
	}
	slices.SortStableFunc(items, func(a, b item) int { return a.key - b.key })
	ok := true
	for i := 1; i < len(items); i++ {
		a, b := items[i-1], items[i]
		if a.key > b.key || a.key == b.key && a.seq > b.seq {
			ok = false
		}
	}
	fmt.Println(ok, items[0].key, items[999].key)
	var none []item
	slices.SortStableFunc(none, func(a, b item) int { return 0 })
	fmt.Println(none == nil)
}

// equalOrder pins where equal elements land: Sort and SortFunc are gc's
// pdqsort, so an unstable sort still has one answer, the same as gc's
// sort.Slice and sort.Float64s (the algorithm slices shares with sort); the
// stable sort's answer is fixed by stability alone.
func equalOrder() {
	fmt.Println("== order of equal elements")
	type item struct{ key, seq int }
	hash := func(items []item) int {
		h := 0
		for _, it := range items {
			h = (h*31 + it.seq) % 1000003
		}
		return h
	}
	var rng lcg = 7
	items := make([]item, 1000)
	for i := range items {
		items[i] = item{rng.next() % 10, i}
	}
	slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.key, b.key) })
	fmt.Println(hash(items), items[0], items[500], items[999])
	// -0.0 and 0.0 are equal: which sign ends up where is pdqsort's doing.
	fs := make([]float64, 300)
	for i := range fs {
		switch rng.next() % 3 {
		case 0:
			fs[i] = math.Copysign(0, -1)
		case 1:
			fs[i] = 0
		default:
			fs[i] = float64(rng.next()%5) - 2
		}
	}
	slices.Sort(fs)
	var signs strings.Builder
	for _, f := range fs {
		if f == 0 {
			if math.Signbit(f) {
				signs.WriteByte('-')
			} else {
				signs.WriteByte('+')
			}
		}
	}
	fmt.Println(signs.String())
	for i := range items {
		items[i] = item{rng.next() % 10, i}
	}
	slices.SortStableFunc(items, func(a, b item) int { return cmp.Compare(a.key, b.key) })
	fmt.Println(hash(items))
}

func binarySearch() {
	fmt.Println("== BinarySearch, BinarySearchFunc")
	s := []int{10, 20, 20, 20, 30, 40}
	for _, t := range []int{5, 10, 20, 25, 40, 50} {
		i, found := slices.BinarySearch(s, t)
		fmt.Print(t, ":", i, found, " ")
	}
	fmt.Println()
	fmt.Println(slices.BinarySearch([]int(nil), 1))
	nan := math.NaN()
	fs := []float64{nan, 1, 2}
	i, found := slices.BinarySearch(fs, nan)
	j, found2 := slices.BinarySearch(fs, 1.5)
	k, found3 := slices.BinarySearch(fs, math.Inf(-1))
	fmt.Println(i, found, j, found2, k, found3)
	people := []person{{"ann", 20}, {"bob", 25}, {"cat", 30}, {"dan", 30}}
	byAge := func(p person, age int) int { return cmp.Compare(p.age, age) }
	for _, age := range []int{19, 25, 30, 31} {
		i, found := slices.BinarySearchFunc(people, age, byAge)
		fmt.Print(age, ":", i, found, " ")
	}
	fmt.Println()
	names := []string{"Alice", "Bob", "Carol"}
	fmt.Println(slices.BinarySearchFunc(names, "bob", func(a, b string) int {
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	}))
}

func main() {
	equality()
	searching()
	inserting()
	deleting()
	replacing()
	compacting()
	cloning()
	minmax()
	sorting()
	stable()
	equalOrder()
	binarySearch()
}
