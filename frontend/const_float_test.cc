// Unit tests of ConstFloat: exactness, the switch to 512-bit floats, the wide
// exponent range, rounding to float32/float64, ToInt and the message form. The
// expected values are gc's (go/constant), checked by running the same constant
// expressions under go 1.26.
#include "frontend/const_float.h"

#include <cmath>
#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

ConstFloat Lit(const char* text) {
  std::optional<ConstFloat> f = ConstFloat::FromLiteral(text);
  EXPECT_TRUE(f.has_value()) << text;
  return f ? *f : ConstFloat();
}

ConstFloat PowerOfTwo(unsigned exp) {
  llvm::APInt v = llvm::APInt::getOneBitSet(4200, exp);
  return ConstFloat::FromInt(llvm::APSInt(v, false));
}

TEST(ConstFloatTest, DecimalFractionsAreExact) {
  ConstFloat sum = ConstFloat::Add(Lit("0.1"), Lit("0.2"));
  EXPECT_FALSE(sum.is_wide());
  EXPECT_EQ(ConstFloat::Compare(sum, Lit("0.3")), 0);
  ConstFloat third = ConstFloat::Quo(Lit("1.0"), Lit("3.0"));
  EXPECT_EQ(ConstFloat::Compare(ConstFloat::Mul(third, Lit("3")), Lit("1")), 0);
  EXPECT_EQ(ConstFloat::Compare(Lit("0x1.8p-2"), Lit("0.375")), 0);
  EXPECT_EQ(ConstFloat::Compare(Lit("017.5"), Lit("17.5")), 0);  // decimal, not octal
  EXPECT_EQ(ConstFloat::Compare(Lit("1e-400"), Lit("1e-401")), 1);
}

TEST(ConstFloatTest, LargeExponentsAreWideAndKeepTheirRange) {
  ConstFloat big = Lit("1e100000");
  ConstFloat tiny = Lit("1e-100000");
  EXPECT_TRUE(big.is_wide());
  EXPECT_TRUE(tiny.is_wide());
  EXPECT_EQ(tiny.Sign(), 1);  // an IEEE quad underflows it to 0
  ConstFloat ratio = ConstFloat::Quo(big, tiny);
  EXPECT_FALSE(ratio.IsInf());
  EXPECT_EQ(ConstFloat::Compare(ratio, Lit("1e199999")), 1);
  EXPECT_EQ(ConstFloat::Compare(ratio, Lit("1e200001")), -1);
  EXPECT_EQ(ratio.String(), "1e+200000");
  // Past big.Float's int32 binary exponent: infinity, which the checker reports.
  EXPECT_TRUE(ConstFloat::Mul(Lit("1e600000000"), Lit("1e600000000")).IsInf());
  // A wide value stays wide: the small addend is lost at 512 bits.
  ConstFloat lost = ConstFloat::Sub(ConstFloat::Add(big, tiny), big);
  EXPECT_TRUE(lost.IsZero());
}

TEST(ConstFloatTest, RationalsGrowingPast4096BitsBecomeWide) {
  ConstFloat a = PowerOfTwo(2000), b = PowerOfTwo(2100);
  EXPECT_FALSE(a.is_wide());
  ConstFloat product = ConstFloat::Mul(a, b);  // 2^4100: 4101 bits
  EXPECT_TRUE(product.is_wide());
  EXPECT_EQ(ConstFloat::Compare(product, ConstFloat::Mul(b, a)), 0);
  EXPECT_FALSE(ConstFloat::Mul(a, a).is_wide());  // 2^4000: 4001 bits
}

TEST(ConstFloatTest, RoundsToFloat64AndFloat32AsAConversion) {
  EXPECT_EQ(Lit("0.1").Round(IeeeFormat::kBinary64), 0.1);
  EXPECT_EQ(Lit("1.0000001").Round(IeeeFormat::kBinary32), 1.00000011920928955078125);
  // Subnormals: just above half the smallest rounds up to it, just below to 0.
  EXPECT_EQ(Lit("2.4703282292062328e-324").Round(IeeeFormat::kBinary64), 4.9406564584124654e-324);
  EXPECT_EQ(Lit("2.4703282292062327e-324").Round(IeeeFormat::kBinary64), 0.0);
  EXPECT_EQ(Lit("1e-320").Round(IeeeFormat::kBinary64), 1e-320);
  EXPECT_EQ(Lit("1.4e-45").Round(IeeeFormat::kBinary32), std::ldexp(1.0, -149));
  // The largest values, and the first that overflow (past half an ulp above).
  EXPECT_EQ(Lit("1.7976931348623157e308").Round(IeeeFormat::kBinary64), 1.7976931348623157e308);
  EXPECT_FALSE(Lit("1.7976931348623159e308").Round(IeeeFormat::kBinary64).has_value());
  EXPECT_EQ(Lit("3.4028235e38").Round(IeeeFormat::kBinary32), 3.4028234663852886e38);
  EXPECT_FALSE(Lit("3.4028236e38").Round(IeeeFormat::kBinary32).has_value());
  EXPECT_FALSE(Lit("1e100000").Round(IeeeFormat::kBinary64).has_value());
  EXPECT_EQ(Lit("1e-100000").Round(IeeeFormat::kBinary64), 0.0);
  EXPECT_EQ(Lit("1e100000").Neg().ToDouble(), -HUGE_VAL);
}

TEST(ConstFloatTest, ToIntTakesExactIntegersAndRoundingErrorsOfWideValues) {
  ConstFloat ms = ConstFloat::Mul(Lit("0.0005"), Lit("1e9"));
  ASSERT_TRUE(ms.ToInt(64).has_value());
  EXPECT_EQ(ms.ToInt(64)->getSExtValue(), 500000);
  EXPECT_FALSE(Lit("1.5").ToInt(64).has_value());
  EXPECT_FALSE(Lit("1e-100000").ToInt(64).has_value());
  // 1e5000 / 1e4999 at 512 bits is 10 up to the last bits: an integer, as in gc.
  ConstFloat ten = ConstFloat::Quo(Lit("1e5000"), Lit("1e4999"));
  EXPECT_TRUE(ten.is_wide());
  ASSERT_TRUE(ten.ToInt(64).has_value());
  EXPECT_EQ(ten.ToInt(64)->getSExtValue(), 10);
  // Too many bits for the caller's width; beyond 2^4096 not an integer at all.
  EXPECT_FALSE(Lit("1e30").ToInt(64).has_value());
  EXPECT_TRUE(Lit("1e30").ToInt(128).has_value());
  EXPECT_FALSE(Lit("1e100000").ToInt(4200).has_value());
  EXPECT_EQ(Lit("1e18").Neg().ToInt(64)->getSExtValue(), -1000000000000000000);
}

TEST(ConstFloatTest, PrintsAsGcInMessages) {
  EXPECT_EQ(Lit("1e1000").String(), "1e+1000");
  EXPECT_EQ(Lit("1e400").Neg().String(), "-1e+400");
  EXPECT_EQ(Lit("1e100000").String(), "1e+100000");
  EXPECT_EQ(Lit("1e-100000").String(), "1e-100000");
  EXPECT_EQ(ConstFloat::Quo(Lit("1"), Lit("3")).String(), "0.333333");
  EXPECT_EQ(Lit("1.0000001").String(), "1.0000001");  // %.6g would hide the fraction
  EXPECT_EQ(Lit("123456.7").String(), "123456.7");    // so would "123457"
  EXPECT_EQ(Lit("1234567.5").String(), "1.23457e+06");  // the point is there
  EXPECT_EQ(Lit("1e-5").Neg().String(), "-1e-05");
  EXPECT_EQ(Lit("1e39").String(), "1e+39");
  EXPECT_EQ(Lit("16").String(), "16");
  EXPECT_EQ(ConstFloat().String(), "0");
}

TEST(ConstFloatTest, ValuesCopyAndMoveIndependently) {
  ConstFloat wide = Lit("1e100000");
  ConstFloat copy = wide;
  ConstFloat moved = std::move(copy);
  copy = Lit("0.5");
  EXPECT_EQ(ConstFloat::Compare(moved, wide), 0);
  EXPECT_EQ(ConstFloat::Compare(copy, Lit("0.5")), 0);
  wide = moved.Neg();
  EXPECT_EQ(wide.Sign(), -1);
  EXPECT_EQ(moved.Sign(), 1);
}

}  // namespace
}  // namespace gojit::frontend
