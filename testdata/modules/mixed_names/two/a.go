// One file of package two.
package two

const One = 1
