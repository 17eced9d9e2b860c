// strings.Replacer: replaces a list of old/new pairs, trying the pairs in argument
// order at each position, as gc's generic replacer does (gc picks faster
// algorithms for byte-only or single-pair cases with the same results; one
// exception kept here: with all olds one byte long, gc maps each byte, so a
// repeated old byte uses its first pair, which argument order also gives).
package strings

import "io"

// Replacer replaces a list of strings with replacements.
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a new Replacer from a list of old, new string pairs.
// Replacements are performed in the order they appear in the target string,
// without overlapping matches, comparing old strings in argument order. It panics
// if given an odd number of arguments.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{oldnew: append([]string(nil), oldnew...)}
}

// Replace returns a copy of s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	var b []byte
	changed := false
	last := 0
	prevMatchEmpty := false
	for i := 0; i <= len(s); {
		// The first pair in argument order whose old is a prefix here; an empty old
		// is ignored right after an empty match, as gc's generic replacer does.
		matched := -1
		for k := 0; k < len(r.oldnew); k += 2 {
			old := r.oldnew[k]
			if old == "" && prevMatchEmpty {
				continue
			}
			if HasPrefix(s[i:], old) {
				matched = k
				break
			}
		}
		prevMatchEmpty = matched >= 0 && r.oldnew[matched] == ""
		if matched >= 0 {
			if !changed {
				changed = true
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[last:i]...)
			b = append(b, r.oldnew[matched+1]...)
			i += len(r.oldnew[matched])
			last = i
			continue
		}
		i++
	}
	if !changed {
		return s
	}
	b = append(b, s[last:]...)
	return string(b)
}

// WriteString writes s to w with all replacements performed.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	return io.WriteString(w, r.Replace(s))
}
