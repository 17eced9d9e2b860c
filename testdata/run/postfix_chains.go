// run

// Postfix chains type-check in linear time: a builder chain of 40 calls, 40 field
// selections, 40 indexings and 40 dereferences (each link was checked twice,
// doubling the time per link: issue 21, item 9).

package main

import "fmt"

type B struct{ n int }

func (b *B) Add(x int) *B {
	b.n += x
	return b
}

type L struct {
	next *L
	v    int
}

func main() {
	b := &B{}
	fmt.Println(b.Add(0).Add(1).Add(2).Add(3).Add(4).Add(5).Add(6).Add(7).Add(8).Add(9).Add(10).Add(11).Add(12).Add(13).Add(14).Add(15).Add(16).Add(17).Add(18).Add(19).Add(20).Add(21).Add(22).Add(23).Add(24).Add(25).Add(26).Add(27).Add(28).Add(29).Add(30).Add(31).Add(32).Add(33).Add(34).Add(35).Add(36).Add(37).Add(38).Add(39).n)
	l := &L{v: 7}
	l.next = l
	fmt.Println(l.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.v)
	var a [1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1][1]int
	a[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0] = 5
	fmt.Println(a[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0])
	p0 := 3
	p1 := &p0
	p2 := &p1
	p3 := &p2
	p4 := &p3
	p5 := &p4
	p6 := &p5
	p7 := &p6
	p8 := &p7
	p9 := &p8
	p10 := &p9
	p11 := &p10
	p12 := &p11
	p13 := &p12
	p14 := &p13
	p15 := &p14
	p16 := &p15
	p17 := &p16
	p18 := &p17
	p19 := &p18
	p20 := &p19
	p21 := &p20
	p22 := &p21
	p23 := &p22
	p24 := &p23
	p25 := &p24
	p26 := &p25
	p27 := &p26
	p28 := &p27
	p29 := &p28
	p30 := &p29
	p31 := &p30
	p32 := &p31
	p33 := &p32
	p34 := &p33
	p35 := &p34
	p36 := &p35
	p37 := &p36
	p38 := &p37
	p39 := &p38
	p40 := &p39
	fmt.Println(****************************************p40, p40 != nil)
}
