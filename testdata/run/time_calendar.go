// run

// time.Time arithmetic on fixed instants: Date normalisation, AddDate, Add/Sub and
// their saturation, ISOWeek, YearDay, the field accessors, Truncate/Round, the Unix
// conversions, comparisons, zones, and the text/JSON/binary encodings.

package main

import (
	"fmt"
	"math"
	"time"
)

func fields(t time.Time) string {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	iy, iw := t.ISOWeek()
	return fmt.Sprintf("%04d-%02d-%02d %02d:%02d:%02d.%09d %v yday=%d iso=%d-W%02d",
		y, int(m), d, h, mi, s, t.Nanosecond(), t.Weekday(), t.YearDay(), iy, iw)
}

func main() {
	utc := time.UTC
	// Date normalises every field out of range.
	for _, a := range [][7]int{
		{2011, 10, 31, 0, 0, 0, 0}, {2011, 11, 31, 0, 0, 0, 0}, {2011, 13, 1, 0, 0, 0, 0},
		{2011, 0, 1, 0, 0, 0, 0}, {2011, -11, 1, 0, 0, 0, 0}, {2012, 2, 30, 0, 0, 0, 0},
		{2011, 2, 29, 0, 0, 0, 0}, {2000, 1, 0, 0, 0, 0, 0}, {2000, 1, 1, 24, 0, 0, 0},
		{2000, 1, 1, -1, 0, 0, 0}, {2000, 1, 1, 0, 60, 0, 0}, {2000, 1, 1, 0, 0, -1, 0},
		{2000, 1, 1, 0, 0, 0, 1e9}, {2000, 1, 1, 0, 0, 0, -1}, {2000, 1, 1, 0, 0, 0, 2e9 + 7},
		{1900, 2, 29, 0, 0, 0, 0}, {1600, 2, 29, 0, 0, 0, 0}, {0, 1, 1, 0, 0, 0, 0},
		{-1, 12, 31, 23, 59, 59, 999999999}, {1, 1, 1, 0, 0, 0, 0}, {9999, 12, 31, 23, 59, 59, 0},
	} {
		t := time.Date(a[0], time.Month(a[1]), a[2], a[3], a[4], a[5], a[6], utc)
		fmt.Println(a, "->", fields(t))
	}

	// AddDate normalises like Date: Oct 31 + 1 month is Dec 1.
	base := time.Date(2011, 10, 31, 12, 0, 0, 0, utc)
	for _, a := range [][3]int{{0, 1, 0}, {0, -1, 0}, {0, 4, 0}, {1, 0, 0}, {0, 0, 1},
		{0, 0, -365}, {-1, -2, -3}, {0, 12, 0}, {0, -22, 0}, {10, 0, 0}} {
		fmt.Println("AddDate", a, base.AddDate(a[0], a[1], a[2]))
	}
	leap := time.Date(2020, 2, 29, 0, 0, 0, 0, utc)
	fmt.Println(leap.AddDate(1, 0, 0), leap.AddDate(4, 0, 0), leap.AddDate(0, 12, 0))

	// ISO weeks around the turn of several years.
	for _, y := range []int{2004, 2005, 2008, 2009, 2010, 2015, 2020, 2021, 2026} {
		for _, md := range [][2]int{{1, 1}, {1, 2}, {1, 3}, {1, 4}, {12, 28}, {12, 29}, {12, 31}} {
			t := time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, utc)
			iy, iw := t.ISOWeek()
			fmt.Printf("%s %s W%d-%02d | ", t.Format("2006-01-02"), t.Weekday().String()[:3], iy, iw)
		}
		fmt.Println()
	}

	// Add, Sub, saturation, Since-free arithmetic.
	t1 := time.Date(2020, 1, 1, 0, 0, 0, 0, utc)
	t2 := time.Date(2021, 3, 4, 5, 6, 7, 8, utc)
	fmt.Println(t2.Sub(t1), t1.Sub(t2), t1.Add(36*time.Hour+1), t1.Add(-1))
	far := time.Date(5000, 1, 1, 0, 0, 0, 0, utc)
	past := time.Date(-5000, 1, 1, 0, 0, 0, 0, utc)
	fmt.Println(far.Sub(past) == math.MaxInt64, past.Sub(far) == math.MinInt64, far.Sub(t1))
	fmt.Println(t1.Add(math.MaxInt64), t1.Add(math.MinInt64))

	// Comparisons.
	t3 := t1.In(time.FixedZone("X", 3600))
	fmt.Println(t1.Before(t2), t1.After(t2), t2.After(t1), t1.Equal(t3), t1 == t3, t1.Equal(t2))
	var zero time.Time
	fmt.Println(zero.IsZero(), t1.IsZero(), zero, zero.Unix(), zero.Location(), time.Time{}.Equal(zero.UTC()))

	// Unix conversions.
	for _, u := range []int64{0, 1, -1, 1e9, 1234567890, -1234567890, 253402300799} {
		t := time.Unix(u, 0).UTC()
		fmt.Println(u, t, t.Unix(), t.UnixMilli(), t.UnixMicro(), t.UnixNano())
	}
	fmt.Println(time.Unix(0, 1e9+5).UTC(), time.Unix(1, -1).UTC(), time.Unix(0, -1e10-3).UTC())
	fmt.Println(time.UnixMilli(-1).UTC(), time.UnixMicro(1e15+1).UTC())
	fmt.Println(time.Unix(1<<40, 0).UTC().UnixNano(), time.Date(1677, 9, 21, 0, 12, 43, 145224192, utc).UnixNano())

	// Truncate and Round.
	t4 := time.Date(2012, 12, 7, 12, 15, 30, 918273645, utc)
	for _, d := range []time.Duration{0, -1, time.Nanosecond, 10 * time.Nanosecond, time.Microsecond,
		time.Millisecond, time.Second, 2 * time.Second, time.Minute, 10 * time.Minute,
		time.Hour, 24 * time.Hour, 7 * 24 * time.Hour, 1000 * time.Hour, 3 * time.Second / 7} {
		fmt.Printf("%v: truncate %s round %s\n", d, t4.Truncate(d).Format(time.RFC3339Nano),
			t4.Round(d).Format(time.RFC3339Nano))
	}
	t5 := time.Date(-2, 12, 7, 12, 15, 30, 500000000, utc)
	fmt.Println(t5.Round(time.Second), t5.Truncate(time.Hour), t5.Round(24*time.Hour))

	// Zones: In, Location, Zone, UTC, ZoneBounds.
	ist := time.FixedZone("IST", 5*3600+1800)
	t6 := t4.In(ist)
	name, off := t6.Zone()
	fmt.Println(t6, t6.Location(), name, off, t6.UTC(), t6.Hour(), t6.Minute())
	start, end := t6.ZoneBounds()
	fmt.Println(start.IsZero(), end.IsZero())
	fmt.Println(time.FixedZone("", 0), time.FixedZone("", -30), time.UTC, t6.In(time.UTC).Location())
	var nilLoc *time.Location
	fmt.Println(nilLoc.String())
	fmt.Println(time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("", -(12*3600 + 34*60 + 56))))

	// GoString, which %#v uses.
	fmt.Printf("%#v\n%#v\n%#v\n", t4, t6, zero)
	fmt.Println(time.Date(-5, 1, 1, 0, 0, 0, 1, time.FixedZone("a\"b", 7)).GoString())

	// Encodings.
	for _, t := range []time.Time{t4, t6, zero, time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("", 61))} {
		txt, err := t.MarshalText()
		js, _ := t.MarshalJSON()
		bin, _ := t.MarshalBinary()
		fmt.Printf("%s %v %s %x\n", txt, err, js, bin)
		var u, v, w time.Time
		fmt.Println(u.UnmarshalText(txt), v.UnmarshalJSON(js), w.UnmarshalBinary(bin), u.Equal(t), v.Equal(t), w.Equal(t))
	}
	_, err := time.Date(10000, 1, 1, 0, 0, 0, 0, utc).MarshalText()
	fmt.Println(err)
	var u time.Time
	fmt.Println(u.UnmarshalJSON([]byte("null")), u.UnmarshalJSON([]byte(`"x"`)), u.UnmarshalBinary(nil))
}
