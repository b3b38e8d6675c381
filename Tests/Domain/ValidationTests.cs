using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;

namespace TweetsSoap.Tests.Domain;

[TestClass]
public sealed class ValidationTests
{
    [TestMethod]
    [DataRow("ada@example.org")]
    [DataRow("first.last+tag@sub.example.co.uk")]
    [DataRow("Ada@EXAMPLE.org")]
    public void Email_Valid_Passes(string email) => new Validation().Email(email).ThrowIfInvalid();

    [TestMethod]
    [DataRow("no-at-sign")]
    [DataRow("ada@localhost")]
    [DataRow("Ada <ada@example.org>")]
    [DataRow("ada @example.org")]
    [DataRow("ada@example.org ")]
    [DataRow("@example.org")]
    public void Email_Invalid_FailsOnEmail(string email) => AssertFailsOn("email", v => v.Email(email));

    [TestMethod]
    [DataRow("1234567")]
    public void Password_TooShort_Fails(string password) => AssertFailsOn("password", v => v.Password(password));

    [TestMethod]
    public void Password_OfEightEmoji_Passes() => new Validation().Password("👍👍👍👍👍👍👍👍").ThrowIfInvalid();

    [TestMethod]
    public void Password_Of65Characters_Fails() => AssertFailsOn("password", v => v.Password(new string('p', 65)));

    [TestMethod]
    public void Name_Of50Characters_PassesAnd51Fails()
    {
        new Validation().Name(new string('n', 50), "firstName").ThrowIfInvalid();
        AssertFailsOn("firstName", v => v.Name(new string('n', 51), "firstName"));
    }

    [TestMethod]
    public void BirthDate_Today_PassesAndTomorrowFails()
    {
        var today = new DateOnly(2026, 11, 27);
        new Validation().BirthDate(today, today).ThrowIfInvalid();
        AssertFailsOn("birthDate", v => v.BirthDate(today.AddDays(1), today));
    }

    [TestMethod]
    [DataRow(280, true)]
    [DataRow(281, false)]
    public void TweetText_OfWeightedLength_PassesUpTo280(int length, bool valid)
    {
        var validation = new Validation().TweetText(string.Concat(Enumerable.Repeat("漢", length / 2)) + new string('a', length % 2));

        if (valid)
        {
            validation.ThrowIfInvalid();
            return;
        }

        var fault = Assert.ThrowsExactly<OperationException>(validation.ThrowIfInvalid);
        StringAssert.Contains(fault.Message, "weighted length of 281");
        StringAssert.Contains(fault.Message, "limit is 280");
    }

    [TestMethod]
    [DataRow("bom﻿")]
    [DataRow("￾")]
    [DataRow("x￿")]
    public void TweetText_WithInvalidCharacter_FailsOnText(string text) => AssertFailsOn("text", v => v.TweetText(text));

    /// <summary>Our one rule beyond twitter-text's: characters an XML 1.0 message cannot carry, so never readable over SOAP.</summary>
    [TestMethod]
    [DataRow("a\u0001b")]
    [DataRow("\u0000")]
    [DataRow(null)]
    public void TweetText_ThatXmlCannotCarry_FailsOnTextThoughTwitterTextAcceptsIt(string? text)
    {
        // A data row cannot carry an unpaired surrogate through the test host: null stands for one.
        text ??= "a" + (char)0xD800 + "b";
        Assert.IsTrue(Service.Domain.TweetText.TwitterText.ParseLength(text).Valid);

        var fault = Assert.ThrowsExactly<OperationException>(new Validation().TweetText(text).ThrowIfInvalid);

        StringAssert.Contains(fault.Message, "control characters");
    }

    [TestMethod]
    public void ThrowIfInvalid_WithSeveralProblems_ReportsEachFieldOnce()
    {
        var fault = Assert.ThrowsExactly<OperationException>(() =>
            new Validation().Username("").Email("x").Password("").Name(" ", "lastName").ThrowIfInvalid());

        CollectionAssert.AreEqual(new[] { "username", "email", "password", "lastName" }, fault.Fields?.ToList());
        Assert.AreEqual(ErrorCode.ValidationFailed, fault.Code);
    }

    private static void AssertFailsOn(string field, Action<Validation> check)
    {
        var validation = new Validation();
        check(validation);
        var fault = Assert.ThrowsExactly<OperationException>(validation.ThrowIfInvalid);
        CollectionAssert.AreEqual(new[] { field }, fault.Fields?.ToList());
    }
}
