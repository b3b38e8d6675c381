using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Operations;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>
/// Writes a <see cref="Tweet"/> or a <see cref="TweetPage"/> result exactly as the operation's
/// <see cref="DataContractSerializer"/> writes it (a test compares them byte for byte), with each tweet's elements
/// serialized once per contract object and kept: the mapping shares one contract object per stored record until a
/// write changes the tweet, so the kept XML is exactly what serializing the object again would give. A page of
/// twenty tweets the cache holds costs twenty copies instead of twenty serializations.
/// </summary>
public static class TweetXml
{
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    // What the serializer writes around a tweet's elements in a scratch document whose context is the answer's: the
    // contract's namespace as the default and the prefix i for XML Schema instance, as the result element declares.
    private const string Open = $"<Tweet xmlns=\"{Namespaces.V1}\" xmlns:i=\"{Xsi}\">";
    private const string Close = "</Tweet>";

    private static readonly DataContractSerializer Serializer = new(typeof(Tweet));
    private static readonly IdentityCache<Tweet, string> Written = new(4096);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the result element of <paramref name="operation"/>; false, having written nothing, when the
    /// result is of another type (the operation's serializer writes it then).</summary>
    public static bool TryWriteResult(XmlDictionaryWriter writer, SoapOperation operation, object result)
    {
        if (operation.Namespace != Namespaces.V1 || operation.ResultName is not { } name)
        {
            return false;
        }

        switch (result)
        {
            case Tweet tweet:
                WriteStartResult(writer, name);
                WriteElements(writer, tweet);
                writer.WriteEndElement();
                return true;
            case TweetPage { Tweets: { } tweets } page when !tweets.Contains(null!):
                WriteStartResult(writer, name);
                writer.WriteStartElement(nameof(TweetPage.Tweets), Namespaces.V1);
                foreach (var item in tweets)
                {
                    writer.WriteStartElement(nameof(Tweet), Namespaces.V1);
                    WriteElements(writer, item);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                if (page.NextPageToken is { } token)
                {
                    writer.WriteElementString(nameof(TweetPage.NextPageToken), Namespaces.V1, token);
                }

                writer.WriteEndElement();
                return true;
            default:
                return false;
        }
    }

    private static void WriteStartResult(XmlDictionaryWriter writer, string name)
    {
        writer.WriteStartElement(name, Namespaces.V1);
        writer.WriteXmlnsAttribute("i", Xsi);
    }

    private static void WriteElements(XmlDictionaryWriter writer, Tweet tweet)
    {
        // A timeline's retweet entry is a fresh object per answer: keeping its XML would only push out others.
        if (tweet.Retweet is not null)
        {
            Serializer.WriteObjectContent(writer, tweet);
            return;
        }

        if (!Written.TryGet(tweet, tweet.Id, out var xml))
        {
            xml = Serialize(tweet);
            Written.Set(tweet, tweet.Id, xml);
        }

        writer.WriteRaw(xml);
    }

    private static string Serialize(Tweet tweet)
    {
        using var stream = new MemoryStream();
        using (var scratch = XmlDictionaryWriter.CreateTextWriter(stream, Utf8, ownsStream: false))
        {
            scratch.WriteStartElement(nameof(Tweet), Namespaces.V1);
            scratch.WriteXmlnsAttribute("i", Xsi);
            Serializer.WriteObjectContent(scratch, tweet);
            scratch.WriteEndElement();
        }

        var text = Utf8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        if (!text.StartsWith(Open, StringComparison.Ordinal) || !text.EndsWith(Close, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The serializer wrote a tweet as {text}, not as <Tweet>...</Tweet>.");
        }

        return text[Open.Length..^Close.Length];
    }
}
