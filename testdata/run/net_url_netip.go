// run

// net/url, net/netip and unique, Go's own packages: URLs parsed, resolved and
// escaped; addresses and prefixes; Handles equal exactly for equal values.

package main

import (
	"fmt"
	"net/netip"
	"net/url"
	"unique"
)

func main() {
	u, err := url.Parse("https://user:pw@example.com:8443/a b/c?q=1&q=2&x=%20y#frag")
	fmt.Println(err, u.Scheme, u.User.Username(), u.Hostname(), u.Port(), u.Path, u.RawQuery, u.Fragment)
	fmt.Println(u.Query()["q"], u.Query().Get("x"), u.String())
	ref, _ := url.Parse("../d?z=9")
	fmt.Println(u.ResolveReference(ref))
	fmt.Println(url.QueryEscape("a b&c=d/é"), url.PathEscape("a b/c"))
	v := url.Values{}
	v.Set("name", "Ava Smith")
	v.Add("tag", "x")
	v.Add("tag", "y")
	fmt.Println(v.Encode())
	_, err = url.Parse("http://[::1]:namedport")
	fmt.Println(err)

	a := netip.MustParseAddr("192.168.1.10")
	p := netip.MustParsePrefix("192.168.0.0/16")
	fmt.Println(a, a.Is4(), p.Contains(a), p.Masked(), a.Next())
	b, err := netip.ParseAddr("2001:db8::1")
	fmt.Println(b, err, b.Is6(), b.Zone() == "", netip.AddrPortFrom(a, 80))
	_, err = netip.ParseAddr("300.1.1.1")
	fmt.Println(err)

	h1, h2, h3 := unique.Make("go"), unique.Make("g"+"o"), unique.Make("gojit")
	fmt.Println(h1 == h2, h1 == h3, h1.Value(), h3.Value())
	type pt struct{ x, y int }
	fmt.Println(unique.Make(pt{1, 2}) == unique.Make(pt{1, 2}), unique.Make(pt{1, 2}).Value())
}
