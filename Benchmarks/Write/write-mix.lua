-- wrk script of the write benchmark (WriteCommand.cs): PostTweet alone, or a mix of every write, over SOAP 1.1 or JSON.
-- Arguments: <users file written by WriteCommand.cs> <soap|json> <post|mix>.
-- Mix: 40% posts, 20% like/unlike, 15% follow/unfollow, 10% retweet/undo, 10% edits, 5% deletes of tweets this
-- run posted (a post instead while there are none). Fixed seed, so every run sends the same sequence.
local ns = "http://tweetssoap.example/2026/11"
local users, face, workload
local n = 0
local deletable = {}

function init(args)
  users = dofile(args[1])
  face, workload = args[2], args[3]
  math.randomseed(7)
  for _, u in ipairs(users) do deletable[u.name] = {} end
end

local function soap(service, operation, user, body)
  local header = '<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">'
    .. '<wsse:UsernameToken><wsse:Username>' .. user.name .. '</wsse:Username>'
    .. '<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">'
    .. user.password .. '</wsse:Password></wsse:UsernameToken></wsse:Security>'
  local envelope = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>' .. header
    .. '</s:Header><s:Body><' .. operation .. ' xmlns="' .. ns .. '">' .. body .. '</' .. operation .. '></s:Body></s:Envelope>'
  return wrk.format("POST", "/" .. service .. ".svc", {
    ["Content-Type"] = "text/xml; charset=utf-8",
    ["SOAPAction"] = '"' .. ns .. "/" .. service .. "/" .. operation .. '"',
  }, envelope)
end

local function json(method, path, user, body)
  local headers = { ["Authorization"] = "Basic " .. user.basic }
  if body then headers["Content-Type"] = "application/json" end
  return wrk.format(method, path, headers, body)
end

local function post(user)
  local text = "mix post " .. n .. " #bench"
  if face == "soap" then return soap("TweetService", "PostTweet", user, "<text>" .. text .. "</text>") end
  return json("POST", "/api/tweets", user, '{"text":"' .. text .. '"}')
end

-- add: Like, Retweet, Follow (PUT); remove: Unlike, UndoRetweet, Unfollow (DELETE).
local function relate(user, operation, undo, collection, id, element)
  local add = n % 2 == 0
  if face == "soap" then
    return soap("SocialService", add and operation or undo, user, "<" .. element .. ">" .. id .. "</" .. element .. ">")
  end
  return json(add and "PUT" or "DELETE", "/api/users/me/" .. collection .. "/" .. id, user)
end

function request()
  n = n + 1
  local user = users[(n % #users) + 1]
  -- Never the user itself: following yourself is a validation error.
  local other = users[((n + math.random(#users - 1)) % #users) + 1]
  local r = workload == "mix" and math.random(100) or 0
  if r <= 40 then
    return post(user)
  elseif r <= 60 then
    return relate(user, "Like", "Unlike", "likes", other.tweets[math.random(#other.tweets)], "tweetId")
  elseif r <= 75 then
    return relate(user, "Follow", "Unfollow", "following", other.id, "userId")
  elseif r <= 85 then
    return relate(user, "Retweet", "UndoRetweet", "retweets", other.tweets[math.random(#other.tweets)], "tweetId")
  elseif r <= 95 then
    local id = user.tweets[math.random(#user.tweets)]
    local text = "mix edit " .. n
    if face == "soap" then
      return soap("TweetService", "UpdateTweet", user, "<tweetId>" .. id .. "</tweetId><text>" .. text .. "</text>")
    end
    return json("PUT", "/api/tweets/" .. id, user, '{"text":"' .. text .. '"}')
  end

  local mine = deletable[user.name]
  if #mine == 0 then return post(user) end
  local id = table.remove(mine)
  if face == "soap" then return soap("TweetService", "DeleteTweet", user, "<tweetId>" .. id .. "</tweetId>") end
  return json("DELETE", "/api/tweets/" .. id, user)
end

-- Posts answer with the new tweet and its author: keep it for a later delete by the same author.
function response(status, headers, body)
  if workload ~= "mix" or status >= 300 or not string.find(body, "mix post", 1, true) then return end
  local id, name
  if face == "soap" then
    id = body:match("<PostTweetResult[^>]*>%s*<Id>([^<]+)</Id>")
    name = body:match("<Username>([^<]+)</Username>")
  else
    id = body:match('^{"id":"([^"]+)"')
    name = body:match('"username":"([^"]+)"')
  end
  if id and name and deletable[name] then table.insert(deletable[name], id) end
end
