// Struct fields found by index path, by a name predicate, and the visible fields
// of a struct with its promoted ones (VisibleFields), over the descriptors'
// field tables (type.go).
package reflect

import "errors"

// FieldByIndex returns the nested field that index leads to: each step after the
// first goes through an embedded struct (or pointer to struct) field.
func (t *rtype) FieldByIndex(index []int) StructField {
	if t.Kind() != Struct {
		panic("reflect: FieldByIndex of non-struct type " + t.String())
	}
	var f StructField
	var ft Type = t
	for i, x := range index {
		if i > 0 {
			ft = f.Type
			if ft.Kind() == Pointer && ft.Elem().Kind() == Struct {
				ft = ft.Elem()
			}
		}
		f = ft.Field(x)
	}
	return f
}

// FieldByNameFunc returns the struct field whose name satisfies match, searching
// embedded structs breadth first; a name matched twice at the shallowest depth
// where any matches is ambiguous, and nothing is found.
func (t *rtype) FieldByNameFunc(match func(string) bool) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByNameFunc of non-struct type " + t.String())
	}
	return t.fieldByNameFunc(match)
}

func (t *rtype) fieldByNameFunc(match func(string) bool) (StructField, bool) {
	type candidate struct {
		typ   *rtype
		index []int
	}
	current := []candidate{{t, nil}}
	visited := map[*rtype]bool{}
	for len(current) > 0 {
		var next []candidate
		var found StructField
		count := 0
		for _, c := range current {
			if visited[c.typ] {
				continue
			}
			visited[c.typ] = true
			for i := 0; i < c.typ.nfields; i++ {
				f := c.typ.field(i)
				index := append(append([]int(nil), c.index...), i)
				if match(f.name) {
					count++
					found = structFieldOf(f, index)
					continue
				}
				if f.embedded != 0 {
					ft := f.typ
					if ft.Kind() == Pointer {
						ft = ft.elem
					}
					if ft.Kind() == Struct {
						next = append(next, candidate{ft, index})
					}
				}
			}
		}
		if count == 1 {
			return found, true
		}
		if count > 1 {
			return StructField{}, false
		}
		current = next
	}
	return StructField{}, false
}

// FieldByIndex returns the nested field of struct v that index leads to; it
// panics when a step goes through a nil embedded pointer.
func (v Value) FieldByIndex(index []int) Value {
	if len(index) == 1 {
		return v.Field(index[0])
	}
	v.mustBe(Struct, "reflect.Value.FieldByIndex")
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ.elem.Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// FieldByIndexErr is FieldByIndex, returning an error instead of panicking when a
// step goes through a nil embedded pointer.
func (v Value) FieldByIndexErr(index []int) (Value, error) {
	if len(index) == 1 {
		return v.Field(index[0]), nil
	}
	v.mustBe(Struct, "reflect.Value.FieldByIndexErr")
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ.elem.Kind() == Struct {
			if v.IsNil() {
				return Value{}, errors.New("reflect: indirection through nil pointer to embedded struct field " + v.typ.elem.Name())
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, nil
}

// FieldByNameFunc returns the field of struct v whose name satisfies match (see
// Type.FieldByNameFunc), or the zero Value.
func (v Value) FieldByNameFunc(match func(string) bool) Value {
	v.mustBe(Struct, "reflect.Value.FieldByNameFunc")
	if f, ok := v.typ.fieldByNameFunc(match); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// VisibleFields returns every field of struct type t that a selector can reach,
// promoted ones included, each right after the embedded field that brings it:
// a field hidden by a shallower one of the same name, or ambiguous with another
// at its depth, is left out. Index is each field's full path.
func VisibleFields(t Type) []StructField {
	if t == nil {
		panic("reflect: VisibleFields(nil)")
	}
	if t.Kind() != Struct {
		panic("reflect.VisibleFields of non-struct type")
	}
	type seen struct {
		depth int
		count int // fields of this name at depth
	}
	var all []StructField
	names := map[string]*seen{}
	onPath := map[*rtype]bool{}
	var walk func(st *rtype, index []int)
	walk = func(st *rtype, index []int) {
		if onPath[st] {
			return
		}
		onPath[st] = true
		defer delete(onPath, st)
		for i := 0; i < st.nfields; i++ {
			fi := st.field(i)
			path := append(append([]int(nil), index...), i)
			f := structFieldOf(fi, path)
			depth := len(index)
			if s := names[f.Name]; s == nil || depth < s.depth {
				names[f.Name] = &seen{depth, 1}
			} else if depth == s.depth {
				s.count++
			}
			all = append(all, f)
			if fi.embedded != 0 {
				ft := fi.typ
				if ft.Kind() == Pointer {
					ft = ft.elem
				}
				if ft.Kind() == Struct {
					walk(ft, path)
				}
			}
		}
	}
	walk(t.common(), nil)
	visible := all[:0]
	for _, f := range all {
		if s := names[f.Name]; s.depth == len(f.Index)-1 && s.count == 1 {
			visible = append(visible, f)
		}
	}
	return visible
}
