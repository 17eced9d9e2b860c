// Struct tags: the value of a field's tag, and the key:"value" convention that
// encoding/json, encoding/xml and most other users of tags read with Get and Lookup.
package reflect

import "strconv"

// A StructTag is the tag string of a struct field. By convention it is a
// space-separated list of key:"value" pairs, each value a quoted Go string.
type StructTag string

// Get returns the value under key in the tag, or "" when there is none.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value under key and whether the tag has the key at all (an
// explicitly empty value is found). A tag that breaks the convention reads as
// ending where it stops following it.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	rest := string(tag)
	for rest != "" {
		// Spaces separate pairs.
		i := 0
		for i < len(rest) && rest[i] == ' ' {
			i++
		}
		rest = rest[i:]
		if rest == "" {
			return "", false
		}
		// The key runs up to a colon; it may not contain controls, spaces or quotes.
		i = 0
		for i < len(rest) && rest[i] > ' ' && rest[i] != ':' && rest[i] != '"' && rest[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(rest) || rest[i] != ':' || rest[i+1] != '"' {
			return "", false
		}
		name := rest[:i]
		rest = rest[i+1:]
		// The value is a quoted string: find its closing quote, skipping escapes.
		i = 1
		for i < len(rest) && rest[i] != '"' {
			if rest[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(rest) {
			return "", false
		}
		quoted := rest[:i+1]
		rest = rest[i+1:]
		if name == key {
			unquoted, err := strconv.Unquote(quoted)
			if err != nil {
				return "", false
			}
			return unquoted, true
		}
	}
	return "", false
}
