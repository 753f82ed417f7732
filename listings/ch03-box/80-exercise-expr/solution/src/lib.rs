//! Exercise 3.1: an expression tree in boxes.

/// An arithmetic expression on `i64`s.
#[derive(Debug, PartialEq)]
pub enum Expr {
    Num(i64),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
}

use Expr::{Add, Mul, Neg, Num};

pub fn num(n: i64) -> Expr {
    Num(n)
}

/// `-e`
pub fn neg(e: Expr) -> Expr {
    Neg(Box::new(e))
}

/// `a + b`
pub fn add(a: Expr, b: Expr) -> Expr {
    Add(Box::new(a), Box::new(b))
}

/// `a * b`
pub fn mul(a: Expr, b: Expr) -> Expr {
    Mul(Box::new(a), Box::new(b))
}

impl Expr {
    /// The value of the expression.
    pub fn eval(&self) -> i64 {
        match self {
            Num(n) => *n,
            Neg(e) => -e.eval(),
            Add(a, b) => a.eval() + b.eval(),
            Mul(a, b) => a.eval() * b.eval(),
        }
    }

    /// The same expression with these parts removed, at every depth:
    /// `--e` becomes `e`, `e + 0` and `0 + e` become `e`, `e * 1` and
    /// `1 * e` become `e`. Nothing else changes.
    pub fn simplify(self) -> Expr {
        // Children first, so that a rule sees its operands simplified.
        // `e.simplify()` moves the `Expr` out of its box: no clone.
        match self {
            Num(n) => Num(n),
            Neg(e) => match e.simplify() {
                Neg(inner) => *inner,
                e => neg(e),
            },
            Add(a, b) => match (a.simplify(), b.simplify()) {
                (e, Num(0)) | (Num(0), e) => e,
                (a, b) => add(a, b),
            },
            Mul(a, b) => match (a.simplify(), b.simplify()) {
                (e, Num(1)) | (Num(1), e) => e,
                (a, b) => mul(a, b),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_computes_the_value() {
        assert_eq!(num(7).eval(), 7);
        assert_eq!(neg(num(7)).eval(), -7);
        let e = add(num(2), mul(num(3), neg(num(4)))); // 2 + 3 * -4
        assert_eq!(e.eval(), -10);
    }

    #[test]
    fn a_long_chain_evaluates() {
        let mut sum = num(0);
        for n in 1..=100 {
            sum = add(sum, num(n));
        }
        assert_eq!(sum.eval(), 5050);
    }

    #[test]
    fn simplify_removes_a_double_negation() {
        assert_eq!(neg(neg(num(5))).simplify(), num(5));
        assert_eq!(neg(neg(neg(num(5)))).simplify(), neg(num(5)));
    }

    #[test]
    fn simplify_removes_zero_and_one_on_either_side() {
        assert_eq!(add(num(4), num(0)).simplify(), num(4));
        assert_eq!(add(num(0), num(4)).simplify(), num(4));
        assert_eq!(mul(num(4), num(1)).simplify(), num(4));
        assert_eq!(mul(num(1), num(4)).simplify(), num(4));
    }

    #[test]
    fn simplify_works_at_every_depth() {
        // (1 * --7) + 0
        let e = add(mul(num(1), neg(neg(num(7)))), num(0));
        assert_eq!(e.simplify(), num(7));
        // --(0 + 9) * (2 + --3): the parts become simpler, the rest stays
        let e =
            mul(neg(neg(add(num(0), num(9)))), add(num(2), neg(neg(num(3)))));
        assert_eq!(e.simplify(), mul(num(9), add(num(2), num(3))));
    }

    #[test]
    fn simplify_changes_nothing_else() {
        let keep = || add(mul(num(2), num(3)), neg(num(0)));
        assert_eq!(keep().simplify(), keep());
        // `0 * e` is not one of the rules
        assert_eq!(mul(num(0), num(5)).simplify(), mul(num(0), num(5)));
        // a rule applies once its operand has been simplified to 0 or 1
        let e = add(num(8), mul(num(1), num(0)));
        assert_eq!(e.simplify(), num(8));
    }

    #[test]
    fn simplify_keeps_the_value() {
        let e = mul(
            add(neg(neg(num(6))), num(0)),
            add(num(1), mul(num(-2), num(1))),
        );
        let before = e.eval();
        assert_eq!(e.simplify().eval(), before);
    }
}
