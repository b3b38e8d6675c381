namespace TweetsSoap.Service.Rest;

/// <summary>
/// Marks a JSON request body as the arguments of a contract operation, so the OpenAPI document describes its fields
/// with that operation's parameter docs and requires what the operation requires.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ArgumentsOfAttribute(Type contract, string operation) : Attribute
{
    public Type Contract { get; } = contract;

    public string Operation { get; } = operation;
}
