// run

// time.Parse and ParseInLocation: round trips through every layout constant, the
// layout elements one by one, fractional seconds, zones, and gc's error texts.

package main

import (
	"fmt"
	"time"
)

func show(t time.Time, err error) {
	if err != nil {
		fmt.Println("  error:", err)
		return
	}
	name, off := t.Zone()
	fmt.Printf("  %v (zone %q %d, unix %d.%09d)\n", t, name, off, t.Unix(), t.Nanosecond())
}

func main() {
	// Parse matches zone names and offsets against Local: pin it so that the output
	// does not depend on the machine's zone.
	time.Local = time.UTC
	layouts := []string{
		time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z,
		time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano,
		time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro, time.StampNano,
		"2006-01-02 15:04:05", "2006-01-02", "15:04:05",
	}
	instants := []time.Time{
		time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC),
		time.Date(2023, time.January, 2, 3, 4, 5, 0, time.FixedZone("", 5*3600+30*60)),
		time.Date(1999, time.December, 31, 12, 0, 0, 5000, time.FixedZone("", -7*3600)),
	}
	for _, in := range instants {
		for _, l := range layouts {
			s := in.Format(l)
			fmt.Printf("%q %q\n", l, s)
			t, err := time.Parse(l, s)
			show(t, err)
			if err == nil {
				fmt.Println("  again:", t.Format(l) == s)
			}
		}
	}

	cases := []struct{ layout, value string }{
		{"2006-01-02 15:04:05.000", "2020-02-29 12:34:56.789"},
		{"2006-01-02 15:04:05", "2020-02-29 12:34:56.789123"},
		{"2006-01-02 15:04:05", "2020-02-29 12:34:56,789123"},
		{"2006-01-02 15:04:05.999", "2020-02-29 12:34:56"},
		{"2006-01-02 15:04:05.999", "2020-02-29 12:34:56.5"},
		{"2006-01-02 15:04:05.999999999", "2020-02-29 12:34:56.1234567891"},
		{"2006-01-02 15:04:05,000", "2020-02-29 12:34:56,001"},
		{time.RFC3339, "2006-01-02T15:04:05Z"},
		{time.RFC3339, "2006-01-02T15:04:05+07:00"},
		{time.RFC3339, "2006-01-02T15:04:05.999-08:00"},
		{time.RFC3339, "2006-01-02T15:04:05+0700"},
		{time.RFC3339, "2006-01-02T15:04:05"},
		{time.RFC3339, "2006-01-02T25:04:05Z"},
		{time.RFC3339, "2006-13-02T15:04:05Z"},
		{time.RFC3339, "2006-02-30T15:04:05Z"},
		{time.RFC3339, "2006-01-02T15:04:05Zjunk"},
		{time.RFC3339, ""},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 PST"},
		{time.RFC1123, "Tue, 02 Jan 2006 15:04:05 UTC"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 GMT+3"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 GMT-11"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 ChST"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 XXXX"},
		{time.RFC1123Z, "Mon, 02 Jan 2006 15:04:05 +0000"},
		{time.RFC850, "Monday, 02-Jan-06 15:04:05 MST"},
		{time.RFC850, "Mondai, 02-Jan-06 15:04:05 MST"},
		{time.ANSIC, "Thu Feb  4 21:00:57 2010"},
		{time.ANSIC, "Thu Feb 4 21:00:57 2010"},
		{time.Kitchen, "3:04PM"},
		{time.Kitchen, "3:04am"},
		{time.Kitchen, "13:04PM"},
		{time.Kitchen, "3:04XM"},
		{"Jan 2 2006", "Feb 29 2021"},
		{"Jan 2 2006", "Feb 29 2020"},
		{"January 2, 2006", "September 31, 2020"},
		{"2006-01-02", "2020-1-2"},
		{"2006-1-2", "2020-1-2"},
		{"2006-002", "2020-060"},
		{"2006-002", "2021-366"},
		{"2006-002 01-02", "2020-060 02-29"},
		{"2006-002 01-02", "2020-060 03-01"},
		{"06 1 2", "69 1 2"},
		{"06 1 2", "68 1 2"},
		{"15:04:05 -0700", "10:00:00 -0930"},
		{"15:04:05 -07:00:00", "10:00:00 +01:02:03"},
		{"15:04:05 -070000", "10:00:00 +010203"},
		{"15:04:05 -07", "10:00:00 +05"},
		{"15:04:05 Z07", "10:00:00 Z"},
		{"15:04:05 Z0700", "10:00:00 Z"},
		{"15:04:05 Z07:00:00", "10:00:00 -01:30:00"},
		{"15:04:05 MST", "10:00:00 ABCD"},
		{"15:04:05 MST", "10:00:00 abc"},
		{"15:04:05 -0700", "10:00:00 -07:00"},
		{"3:04 PM", "12:00 AM"},
		{"3:04 PM", "12:00 PM"},
		{"3:04 pm", "11:59 pm"},
		{"_2 Jan", " 5 Mar"},
		{"__2 2006", "  5 2006"},
		{"__2 2006", "366 2006"},
		{"Monday Jan 2", "Sunday Mar 5"},
		{"Mon Jan 2", "Xyz Mar 5"},
		{"2006", "-2006"},
		{"2006", "20x6"},
		{"01", "00"},
		{"02", "00"},
		{"02", "32"},
		{"15", "24"},
		{"04", "60"},
		{"05", "60"},
		{"hello 2006", "hello 2006"},
		{"hello 2006", "Hello 2006"},
		{"2006 ", "2006"},
		{"2006", "2006 extra"},
		{"\"quoted\" 2006", "\"x\" 2006"},
		{"2006 Jan", "2006 Sept"},
		{"15:04:05.000", "10:00:00.12"},
		{"15:04:05.000", "10:00:00.1234"},
		{"15:04:05.999", "10:00:00.12345678901"},
		{"15:04:05.", "10:00:00."},
		{"", ""},
		{"", "x"},
	}
	for _, c := range cases {
		fmt.Printf("Parse(%q, %q)\n", c.layout, c.value)
		show(time.Parse(c.layout, c.value))
	}

	loc := time.FixedZone("XST", 3*3600)
	for _, v := range []string{
		"2021-06-01 10:00:00", "2021-06-01 10:00:00 XST", "2021-06-01 10:00:00 +0300",
		"2021-06-01 10:00:00 +0100", "2021-06-01 10:00:00 UTC", "2021-06-01 10:00:00 PDT",
	} {
		layout := "2006-01-02 15:04:05"
		if len(v) > len(layout) {
			if v[len(v)-5] == '+' {
				layout += " -0700"
			} else {
				layout += " MST"
			}
		}
		fmt.Printf("ParseInLocation(%q, %q, XST)\n", layout, v)
		show(time.ParseInLocation(layout, v, loc))
		fmt.Printf("Parse(%q, %q)\n", layout, v)
		show(time.Parse(layout, v))
	}

	// A zone name or offset that Local uses at that instant becomes Local.
	time.Local = time.FixedZone("LCL", 3600)
	for _, v := range []string{"2021-06-01 10:00:00 LCL", "2021-06-01 10:00:00 +0100", "2021-06-01 10:00:00 +0200"} {
		layout := "2006-01-02 15:04:05 MST"
		if v[len(v)-5] == '+' {
			layout = "2006-01-02 15:04:05 -0700"
		}
		fmt.Printf("Parse(%q, %q) with Local LCL\n", layout, v)
		t, err := time.Parse(layout, v)
		show(t, err)
		fmt.Println("  Local:", t.Location() == time.Local, t.Location())
	}

	// The ParseError fields.
	_, err := time.Parse(time.RFC3339, "2006-01-02X15:04:05Z")
	if pe, ok := err.(*time.ParseError); ok {
		fmt.Printf("%q %q %q %q %q\n", pe.Layout, pe.Value, pe.LayoutElem, pe.ValueElem, pe.Message)
	}
	_, err = time.Parse("15", "\x00\xff\"\n")
	fmt.Println(err)
}
