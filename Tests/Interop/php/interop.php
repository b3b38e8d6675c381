<?php
// PHP's SoapClient (Debian's php-soap) from the served ?wsdl alone: signs up, posts a tweet leaving the optional
// parameters out, reads it back, and reads a typed NotFound fault from its detail. Prints a JSON report.
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

$base = rtrim($argv[1], '/');
ini_set('soap.wsdl_cache_enabled', '0');

function client(string $base, string $service): SoapClient
{
    return new SoapClient("$base/$service.svc?wsdl", ['exceptions' => true, 'trace' => true, 'features' => SOAP_SINGLE_ELEMENT_ARRAYS]);
}

function security(string $username, string $password): SoapHeader
{
    $token = '<wsse:Security xmlns:wsse="' . WSSE . '"><wsse:UsernameToken><wsse:Username>' . htmlspecialchars($username)
        . '</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">'
        . htmlspecialchars($password) . '</wsse:Password></wsse:UsernameToken></wsse:Security>';
    return new SoapHeader(WSSE, 'Security', new SoapVar($token, XSD_ANYXML), true);
}

$users = client($base, 'UserService');
$tweets = client($base, 'TweetService');
$username = 'php' . bin2hex(random_bytes(4));
$password = 'Php-interop-' . bin2hex(random_bytes(4));

$user = $users->SignUp(['username' => $username, 'email' => "$username@example.org", 'password' => $password,
    'firstName' => 'Rasmus', 'lastName' => 'Lerdorf'])->SignUpResult;

$tweets->__setSoapHeaders([security($username, $password)]);
$posted = $tweets->PostTweet(['text' => 'Grüße aus PHP'])->PostTweetResult;
$tweets->__setSoapHeaders([]);
$read = $tweets->GetTweet(['tweetId' => $posted->Id])->GetTweetResult;

$fault = null;
try {
    $tweets->GetTweet(['tweetId' => '00000000-0000-7000-8000-000000000000']);
} catch (SoapFault $e) {
    $fault = ['faultCode' => $e->faultcode, 'code' => $e->detail->ServiceFault->Code ?? null];
}

echo json_encode([
    'functions' => array_values(array_unique(array_map(fn ($f) => preg_replace('/^\S+ (\w+)\(.*$/', '$1', $f), $tweets->__getFunctions()))),
    'userId' => $user->Id,
    'text' => $read->Text,
    'author' => $read->Author->Username === $username,
    'inReplyTo' => $read->InReplyToTweetId ?? null,
    'fault' => $fault,
], JSON_UNESCAPED_UNICODE), "\n";
