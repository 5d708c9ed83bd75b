<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AsWrittenBox</name>
    <message>
        <location filename="../../ui/panels/as_written_box.cpp" line="+13"/>
        <source>As written, with the tutorial&apos;s mistakes</source>
        <translation>按教程原样运行，包括其中的错误</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From the next start, the server behaves exactly as the tutorial&apos;s code does, flaws included; the list below says what changes.</source>
        <translation>从下一次启动起，服务端的行为与教程代码完全相同，包括其中的缺陷；下面的列表说明有哪些变化。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the tutorial&apos;s code does differently, and the line that causes it.</source>
        <translation>教程代码的不同行为，以及导致它的那一行代码。</translation>
    </message>
</context>
<context>
    <name>ByteParser</name>
    <message>
        <location filename="../../ui/client/byte_parser.cpp" line="+75"/>
        <source>The 0x at position %1 is not followed by hex digits.</source>
        <translation>位置 %1 处的 0x 后面没有十六进制数字。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 at position %2 is not a hex digit (0-9, a-f).</source>
        <translation>位置 %2 处的 %1 不是十六进制数字（0-9、a-f）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Odd number of hex digits: the digit %1 at position %2 has no partner.</source>
        <translation>十六进制数字的个数是奇数：位置 %2 处的数字 %1 无法配对。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>\u at position %1 needs exactly four hex digits, e.g. \u00e9.</source>
        <translation>位置 %1 处的 \u 后面必须正好跟四位十六进制数字，例如 \u00e9。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>\u%1 at position %2 is half of a surrogate pair and cannot stand alone.</source>
        <translation>位置 %2 处的 \u%1 是代理对（surrogate pair）的一半，不能单独使用。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The input ends with a lone backslash at position %1; write \\ for a backslash.</source>
        <translation>输入在位置 %1 处以单个反斜杠结尾；要表示反斜杠本身，请写 \\。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>\x at position %1 needs exactly two hex digits, e.g. \x0a.</source>
        <translation>位置 %1 处的 \x 后面必须正好跟两位十六进制数字，例如 \x0a。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown escape \%1 at position %2; write \\ for a backslash.</source>
        <translation>位置 %2 处的转义序列 \%1 无法识别；要表示反斜杠本身，请写 \\。</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Unknown input mode.</source>
        <translation>未知的输入模式。</translation>
    </message>
</context>
<context>
    <name>CallTraceModel</name>
    <message>
        <location filename="../../ui/models/call_trace_model.cpp" line="+199"/>
        <source>%1: an empty list, which CPython passes to select() as a NULL pointer.</source>
        <translation>%1：一个空列表，CPython 会把它作为 NULL 指针传给 select()。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The set was empty, so the server passed a NULL pointer instead, as CPython does; the kernel reports nothing for it.</source>
        <translation>这个集合是空的，所以服务端像 CPython 一样传入了 NULL 指针；内核不会为它报告任何结果。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Since the previous call:</source>
        <translation>自上一次调用以来：</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>block</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>CallTraceView</name>
    <message>
        <location filename="../../ui/views/call_trace_view.cpp" line="+188"/>
        <source>Python view</source>
        <translation>Python 写法</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show each call as the line of Python the tutorials write, e.g. r, w, x = select.select([3, 5], [], [], 1.0).</source>
        <translation>把每次调用显示成教程里那样的一行 Python 代码，例如 r, w, x = select.select([3, 5], [], [], 1.0)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a call to highlight its descriptors.</source>
        <translation>选中一次调用，即可高亮显示它涉及的文件描述符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+151"/>
        <source>Jump to live</source>
        <translation>回到实时</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Show the newest call again and follow the server (End).</source>
        <translation>重新显示最新的调用，并继续跟随服务端（End 键）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Which Python module the line is written with: select.select(), or the selectors module&apos;s sel.select() with the callback each ready key holds. A preset picks the one its tutorial uses.</source>
        <translation>这一行用哪个 Python 模块来写：select.select()，或者 selectors 模块的 sel.select()，并写出每个就绪 key 保存的回调函数。预设会选它的教程所用的那一种。</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Jump to live (1 call behind)</source>
        <translation>回到实时（落后 1 次调用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jump to live (%L1 calls behind)</source>
        <translation>回到实时（落后 %L1 次调用）</translation>
    </message>
</context>
<context>
    <name>ClientConnection</name>
    <message>
        <location filename="../../ui/client/client_connection.cpp" line="+69"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Half-closed</source>
        <translation>已半关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>出错</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+38"/>
        <source>Connection refused by %1: no UDP server listens there.</source>
        <translation>%1 拒绝连接：那里没有 UDP 服务端在监听。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>%1 closed the connection.</source>
        <translation>%1 关闭了连接。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection refused by %1.</source>
        <translation>%1 拒绝连接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Host %1 not found.</source>
        <translation>找不到主机 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Urgent data and half-close exist only for TCP.</source>
        <translation>只有 TCP 才有紧急数据和半关闭。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This client has half-closed its side: it can only receive now.</source>
        <translation>这个客户端已经半关闭了自己这一端：现在只能接收数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client to %1 is not connected (%2).</source>
        <translation>连接 %1 的客户端未处于连接状态（%2）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send to %1 failed: %2</source>
        <translation>向 %1 发送失败：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing to send: the input is empty.</source>
        <translation>没有可发送的内容：输入为空。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Urgent byte to %1 not sent: %2</source>
        <translation>未能向 %1 发送紧急字节：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Half-close of %1 failed: %2</source>
        <translation>半关闭与 %1 的连接失败：%2</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <location filename="../../ui/client/client_list_model.cpp" line="+91"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
</context>
<context>
    <name>ClientPanel</name>
    <message>
        <location filename="../../ui/panels/client_panel.cpp" line="+114"/>
        <source>What the selected client received; a line marks where one read ends and the next begins.</source>
        <translation>选中的客户端收到的数据；分隔线标出一次读取在哪里结束、下一次从哪里开始。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data the selected client receives appears here.</source>
        <translation>选中的客户端收到的数据会显示在这里。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The computer to connect to; 127.0.0.1 is this computer.</source>
        <translation>要连接的计算机；127.0.0.1 就是本机。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port the server listens on.</source>
        <translation>服务端监听的端口。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP is a connected byte stream; UDP sends separate datagrams without a connection.</source>
        <translation>TCP 是面向连接的字节流；UDP 不建立连接，发送的是一个个独立的数据报。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens a new client to the host and port on the left.</source>
        <translation>新建一个客户端，连接左边填写的主机和端口。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pick a saved client, or type a name and press Save to remember the current one.</source>
        <translation>选择一个已保存的客户端；或者输入名称后按“保存”，记下当前的设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preset name</source>
        <translation>预设名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves host, port, protocol, input and mode under the typed name.</source>
        <translation>用输入的名称保存主机、端口、协议、输入内容和模式。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deletes the chosen preset.</source>
        <translation>删除所选的预设。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove closed</source>
        <translation>移除已关闭</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every client opened here; select one to send with it and see what it received.</source>
        <translation>在这里打开的所有客户端；选中一个，就可以用它发送数据并查看它收到的内容。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>hello</source>
        <translation>你好</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Text sends UTF-8, Hex sends bytes like 68 65 6c, Escaped understands \n, \x41 and \u00e9.</source>
        <translation>“文本”按 UTF-8 发送；“十六进制”发送 68 65 6c 这样的字节；“转义”能识别 \n、\x41 和 \u00e9。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Escaped</source>
        <translation>转义</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>append newline</source>
        <translation>末尾加换行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds a newline byte (0a) at the end, which line-based servers wait for.</source>
        <translation>在末尾加一个换行字节（0a）；按行处理的服务端要等到它才开始处理。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>How many times to send the input.</source>
        <translation>输入内容要发送多少次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Milliseconds to wait between two sends.</source>
        <translation>两次发送之间等待的毫秒数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Splits each send into this many writes: TCP may still deliver them merged (sticky packets).</source>
        <translation>把每次发送拆成这么多次写入：TCP 仍可能把它们合并在一起交付（粘包）。</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>times, every</source>
        <translation>次，每隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ms, as</source>
        <translation>ms，分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>separate writes</source>
        <translation>次写入</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Removes closed clients from the list above.</source>
        <translation>从上方列表中移除已关闭的客户端。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>What to send; the mode under More settings says how it is read.</source>
        <translation>要发送的内容；“更多设置”里的模式决定如何解读它。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+187"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Sends the input now; while repeating, stops the repetition.</source>
        <translation>立即发送输入内容；正在重复发送时，点击则停止重复。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>More settings</source>
        <translation>更多设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the input mode, repeated sending and the saved clients.</source>
        <translation>显示或隐藏输入模式、重复发送和已保存的客户端。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Urgent byte (OOB)</source>
        <translation>紧急字节（OOB）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends the first input byte as TCP urgent data: the server&apos;s select() reports it in the exceptional set.</source>
        <translation>把输入的第一个字节作为 TCP 紧急数据（带外数据）发送：服务端的 select() 会在异常集合中报告它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops our sending only (FIN): the server reads end-of-file but can still send to us.</source>
        <translation>只停止本端的发送（FIN）：服务端会读到文件结束（EOF），但仍然可以向我们发送数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes in an orderly way: the server&apos;s recv() returns 0 (end-of-file).</source>
        <translation>正常关闭连接：服务端的 recv() 返回 0（文件结束）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Abort (RST)</source>
        <translation>强制断开（RST）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes with a TCP reset (RST): the server sees ECONNRESET instead of an orderly end.</source>
        <translation>用 TCP 复位（RST）关闭连接：服务端看到的是 ECONNRESET，而不是正常结束。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Type a host first, e.g. 127.0.0.1.</source>
        <translation>请先输入主机，例如 127.0.0.1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Client #%1: %2</source>
        <translation>客户端 #%1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Client #%1: sent %2 of %3.</source>
        <translation>客户端 #%1：已发送 %2 次，共 %3 次。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(earlier reads not shown)</source>
        <translation>（更早的读取未显示）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>── datagram %1: %2 bytes at %3 ──</source>
        <translation>── 第 %1 个数据报：%2 字节，时间 %3 ──</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>── read %1: %2 bytes at %3 ──</source>
        <translation>── 第 %1 次读取：%2 字节，时间 %3 ──</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>text: %1</source>
        <translation>文本：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hex:  %1</source>
        <translation>十六进制：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… %1 more bytes not shown</source>
        <translation>… 还有 %1 字节未显示</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connect a client first, then select it in the list.</source>
        <translation>请先连接一个客户端，然后在列表中选中它。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot send: %1</source>
        <translation>无法发送：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Client #%1 sent the urgent byte %2.</source>
        <translation>客户端 #%1 已发送紧急字节 %2。</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Removed %n closed client(s).</source>
        <translation>
            <numerusform>已移除 %n 个已关闭的客户端。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type a name for the preset first.</source>
        <translation>请先输入预设名称。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved the preset %1.</source>
        <translation>已保存预设 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no preset named %1.</source>
        <translation>没有名为 %1 的预设。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted the preset %1.</source>
        <translation>已删除预设 %1。</translation>
    </message>
</context>
<context>
    <name>ComparisonTimeline</name>
    <message>
        <location filename="../../ui/views/comparison_timeline.cpp" line="+79"/>
        <source>#2 not served</source>
        <translation>#2 未得到服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#2 waited %1</source>
        <translation>#2 等待了 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+38"/>
        <source>#1 idles</source>
        <translation>#1 空闲</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>CostCurvePanel</name>
    <message>
        <location filename="../../ui/panels/cost_curve_panel.cpp" line="+131"/>
        <source>Cost of one wait call</source>
        <translation>一次等待调用的开销</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>watched descriptors</source>
        <translation>被监视的描述符数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>µs per wait call</source>
        <translation>每次等待调用的微秒数</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time one non-blocking wait call of every backend of this build on this machine, with 10 to 10,000 watched descriptors. Takes a few seconds.</source>
        <translation>在这台机器上，为本程序的每个后端测量一次非阻塞等待调用的耗时，被监视的描述符从 10 到 10,000 个。需要几秒钟。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the cost curve</source>
        <translation>保存开销曲线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cost curve saved to %1</source>
        <translation>开销曲线已保存到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save the cost curve to %1</source>
        <translation>无法把开销曲线保存到 %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Measuring the cost of one wait call…</source>
        <translation>正在测量一次等待调用的开销…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 (stops at FD_SETSIZE = %2)</source>
        <translation>%1（止于 FD_SETSIZE = %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was not measured with %2 descriptors: it can only watch descriptors below FD_SETSIZE (%3).</source>
        <translation>%1 没有在 %2 个描述符下测量：它只能监视小于 FD_SETSIZE（%3）的描述符。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was not measured with %2 descriptors: this process may open only %3 descriptors.</source>
        <translation>%1 没有在 %2 个描述符下测量：本进程最多只能打开 %3 个描述符。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The cost of a wait call cannot be measured with %1 on this platform.</source>
        <translation>在此平台上无法测量 %1 的等待调用开销。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 could not be measured with %2 descriptors: %3</source>
        <translation>%1 无法在 %2 个描述符下测量：%3</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Measurement cancelled: the curves keep the %n point(s) measured so far.</source>
        <translation>
            <numerusform>测量已取消：曲线保留目前已测得的 %n 个点。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Cost curve measured: %n point(s).</source>
        <translation>
            <numerusform>开销曲线测量完成：%n 个点。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>live server: %1, %n descriptor(s): %2 µs per call</source>
        <translation>
            <numerusform>运行中的服务端：%1，%n 个描述符：每次调用 %2 微秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DescriptorTableModel</name>
    <message>
        <location filename="../../ui/models/descriptor_table_model.cpp" line="+298"/>
        <source>Behaviour: %1</source>
        <translation>处理方式：%1</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>In #%1</source>
        <translation>传入 #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready #%1</source>
        <translation>就绪 #%1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>DescriptorView</name>
    <message>
        <location filename="../../ui/views/descriptor_view.cpp" line="+56"/>
        <source>Back to live</source>
        <translation>回到实时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the descriptors as they are now, and follow the server again.</source>
        <translation>显示文件描述符现在的状态，并重新跟随服务端。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Call #%1:  %2</source>
        <translation>调用 #%1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Also in this call, closed since: %1</source>
        <translation>这次调用中还有（之后已关闭）：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Filter: fd, role, address, state ...</source>
        <translation>筛选：fd、角色、地址、状态……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows only the rows that contain this text in any column.</source>
        <translation>只显示任意一列包含这段文字的行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show wake-up descriptor</source>
        <translation>显示唤醒文件描述符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The descriptor the window uses to wake the server&apos;s wait call (to pause it, for instance). It is watched like any other.</source>
        <translation>窗口用来唤醒服务端等待调用的文件描述符（例如为了暂停服务端）。它和其他文件描述符一样被监视。</translation>
    </message>
</context>
<context>
    <name>EngineSession</name>
    <message>
        <location filename="../../ui/engine_session.cpp" line="+32"/>
        <source>Could not start the server: %1</source>
        <translation>无法启动服务端：%1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The server is not running.</source>
        <translation>服务端没有运行。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Could not switch to %1: %2</source>
        <translation>无法切换到 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not change the epoll mode to %1: %2</source>
        <translation>无法把 epoll 模式改为 %1：%2</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <location filename="../../core/trace/engine_text.cpp" line="+20"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>slow motion</source>
        <translation>慢动作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept failed</source>
        <translation>接受连接失败 (accept)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept failed: out of descriptors</source>
        <translation>接受连接失败 (accept)：文件描述符已用完</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>descriptor table full (%1): connection closed at once</source>
        <translation>文件描述符表已满（%1）：连接被立即关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recvfrom failed</source>
        <translation>接收数据报失败 (recvfrom)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sendto failed</source>
        <translation>发送数据报失败 (sendto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sendto %1 failed</source>
        <translation>向 %1 发送数据报失败 (sendto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP reply to %1 dropped: the reply queue is full</source>
        <translation>发给 %1 的 UDP 回复被丢弃：回复队列已满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wait call failed</source>
        <translation>等待调用失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file shrank while it was being sent</source>
        <translation>文件在发送过程中变小了</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>slow consumer: its queue is over the limit, so chat messages cannot be delivered</source>
        <translation>慢速消费者：它的队列超出上限，聊天消息无法送达</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fd %1 &gt;= FD_SETSIZE (%2): select() cannot watch it</source>
        <translation>fd %1 &gt;= FD_SETSIZE（%2）：select() 无法监视它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>socket %1 would be socket number %2 &gt; FD_SETSIZE (%3): select() cannot watch it</source>
        <translation>套接字 %1 将是第 %2 个套接字，超过 FD_SETSIZE（%3）：select() 无法监视它</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fd %1 is not a valid descriptor</source>
        <translation>fd %1 不是有效的文件描述符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 is already watched</source>
        <translation>%1 %2 已在监视中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 is not watched</source>
        <translation>%1 %2 未被监视</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1(fd %2) failed: %3</source>
        <translation>%1(fd %2) 失败：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>port %1 is already in use</source>
        <translation>端口 %1 已被占用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refusing to listen on %1: not a loopback address (pass --allow-remote to expose the server)</source>
        <translation>拒绝在 %1 上监听：这不是回环地址（如需对外开放服务器，请使用 --allow-remote）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>socket() failed: %1</source>
        <translation>socket() 失败：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listen() on %1 failed: %2</source>
        <translation>在 %1 上调用 listen() 失败：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot make socket non-blocking: %1</source>
        <translation>无法将套接字设为非阻塞：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create the wake-up descriptor</source>
        <translation>无法创建唤醒描述符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unshare(CLONE_FILES) failed: %1</source>
        <translation>unshare(CLONE_FILES) 失败：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a descriptor table of the loop&apos;s own needs Linux</source>
        <translation>事件循环独立的文件描述符表需要 Linux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>descriptors are numbered after the window&apos;s own: %1</source>
        <translation>文件描述符的编号排在窗口自身的描述符之后：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not available on this platform</source>
        <translation>%1 在此平台上不可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown epoll mode &apos;%1&apos; (known: lt, et, et-drain)</source>
        <translation>未知的 epoll 模式“%1”（可用：lt、et、et-drain）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoll mode %1 needs the epoll backend, not %2</source>
        <translation>epoll 模式 %1 需要 epoll 后端，而不是 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the engine did not answer (is it running?)</source>
        <translation>引擎没有响应（它在运行吗？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected [IPV6]:PORT in &apos;%1&apos;</source>
        <translation>“%1” 应为 [IPV6]:端口 的格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid port &apos;%1&apos; (expected 0-65535)</source>
        <translation>无效端口“%1”（应为 0-65535）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty host in &apos;%1&apos;</source>
        <translation>“%1” 中的主机为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected &apos;[&apos; or &apos;]&apos; in host &apos;%1&apos;</source>
        <translation>主机“%1”中出现了意外的“[”或“]”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; is not a numeric IPv4 or IPv6 address</source>
        <translation>“%1” 不是数字形式的 IPv4 或 IPv6 地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a listener has one main behaviour; got a second one</source>
        <translation>一个监听器只能有一个主要行为，却给出了第二个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown listener option &apos;%1&apos; (known: queued, direct, except, except-close, recv=N, backlog=N)</source>
        <translation>未知的监听器选项“%1”（可用：queued、direct、except、except-close、recv=N、backlog=N）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown behaviour &apos;%1&apos; (known: echo, upper, suffix:TEXT, greet:TEXT, welcome:TEXT, chat, discard, framed-file, http)</source>
        <translation>未知的行为“%1”（可用：echo、upper、suffix:文本、greet:文本、welcome:文本、chat、discard、framed-file、http）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>upper and suffix apply to echo and chat, not to %1</source>
        <translation>upper 和 suffix 只适用于 echo 和 chat，不适用于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP listeners support echo, upper, suffix and discard, not %1</source>
        <translation>UDP 监听器支持 echo、upper、suffix 和 discard，不支持 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the load generator is already started</source>
        <translation>负载生成器已经启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>need at least one connection, a message size and a port</source>
        <translation>至少需要一个连接、一个消息大小和一个端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fd %1 readable at EOF and never closed</source>
        <translation>fd %1 在 EOF 处可读，却从未被关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fd %1 writable with nothing queued</source>
        <translation>fd %1 可写，却没有排队待发的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timeout 0 with nothing to do</source>
        <translation>超时为 0，却无事可做</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server stopped: %1</source>
        <translation>服务端已停止：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the %1 server serves exactly one TCP echo listener</source>
        <translation>%1 服务端只服务一个 TCP 回显监听端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the %1 server makes no wait call: %2 does not apply</source>
        <translation>%1 服务端不调用等待函数：%2 不适用</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <location filename="../../ui/models/event_log_model.cpp" line="+57"/>
        <source>on listener fd %1</source>
        <translation>在监听 fd %1 上</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n message(s) queued</source>
        <translation>
            <numerusform>已排队 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accepting again in %1 ms</source>
        <translation>%1 ms 后恢复接受连接</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n command(s) handled</source>
        <translation>
            <numerusform>已处理 %n 条命令</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <location filename="../../ui/views/event_log_view.cpp" line="+55"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only the events of this descriptor.</source>
        <translation>只显示这个文件描述符的事件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show only one kind of event.</source>
        <translation>只显示一种类型的事件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter: text in the detail or the data</source>
        <translation>筛选：详情或数据中的文字</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+51"/>
        <source>Jump to live</source>
        <translation>回到实时</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Show the newest event again, in the order events happened, and follow the server (End).</source>
        <translation>按事件发生的顺序重新显示最新的事件，并继续跟随服务端（End 键）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Jump to live (1 event behind)</source>
        <translation>回到实时（落后 1 个事件）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jump to live (%L1 events behind)</source>
        <translation>回到实时（落后 %L1 个事件）</translation>
    </message>
</context>
<context>
    <name>FdSetView</name>
    <message>
        <location filename="../../ui/views/fdset_view.cpp" line="+90"/>
        <source>beyond nfds: the kernel does not look at it</source>
        <translation>超出 nfds：内核不会检查它</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+389"/>
        <source>not in the set</source>
        <translation>不在集合中</translation>
    </message>
    <message>
        <location line="-387"/>
        <source>passed in the set</source>
        <translation>放入了集合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passed and returned ready</source>
        <translation>放入并返回为就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passed, cleared by the kernel</source>
        <translation>放入了，但被内核清除</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>fd %1 (%2): %3</source>
        <translation>fd %1（%2）：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fd %1: %2</source>
        <translation>fd %1：%2</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the fd_set picture</source>
        <translation>保存 fd_set 图</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fd_set picture saved to %1</source>
        <translation>fd_set 图已保存到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save the fd_set picture to %1</source>
        <translation>无法把 fd_set 图保存到 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No wait call yet: start the server, or select a call in the call trace.</source>
        <translation>还没有等待调用：请启动服务端，或在调用列表中选择一次调用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a wait call: it passes no sets, and the thread waits in it for this one socket.</source>
        <translation>%1 不是等待调用：它不传入任何集合，线程只在其中等待这一个套接字。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>failed with %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned %1</source>
        <translation>返回 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no timeout: blocks until ready</source>
        <translation>无超时：一直阻塞到有描述符就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timeout %1 ms</source>
        <translation>超时 %1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1() call #%2: %3, %4</source>
        <translation>%1() 第 %2 次调用：%3，%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, nfds = %1</source>
        <translation>，nfds = %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (held; Live follows the newest call)</source>
        <translation>（已固定；“实时”会跟随最新调用）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>select() overwrites your sets: rebuild them before every call.</source>
        <translation>select() 会改写你传入的集合：每次调用前都要重新构建它们。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FD_SETSIZE = %1: select() cannot watch descriptor %1 or above (the red line). nfds = %2: the kernel scans bits 0 to %3.</source>
        <translation>FD_SETSIZE = %1：select() 无法监视编号为 %1 及以上的描述符（红线处）。nfds = %2：内核扫描第 0 到第 %3 位。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The kernel returned</source>
        <translation>内核返回的</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You passed</source>
        <translation>你传入的</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1, fd %2: %3</source>
        <translation>%1，fd %2：%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>passed</source>
        <translation>传入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned ready</source>
        <translation>返回为就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cleared by the kernel</source>
        <translation>被内核清除</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>NULL: the set was empty, so the server passed a null pointer.</source>
        <translation>NULL：集合为空，所以服务端传入了空指针。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The WSAPOLLFD array: %n entry(s), passed whole on every call; the kernel fills in revents.</source>
        <translation>
            <numerusform>WSAPOLLFD 数组：%n 项，每次调用都整体传入；由内核填写 revents。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The pollfd array: %n entry(s), passed whole on every call; the kernel fills in revents.</source>
        <translation>
            <numerusform>pollfd 数组：%n 项，每次调用都整体传入；由内核填写 revents。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <location line="+10"/>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message numerus="yes">
        <location line="-17"/>
        <source>The filters registered with the kqueue: %n descriptor(s), kept by the kernel between calls.</source>
        <translation>
            <numerusform>在 kqueue 中注册的过滤器：%n 个描述符，由内核在调用之间保存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The interest list: %n descriptor(s), kept by the kernel between calls; only epoll_ctl changes it.</source>
        <translation>
            <numerusform>兴趣列表：%n 个描述符，由内核在调用之间保存；只有 epoll_ctl 会改变它。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>filters</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>events</source>
        <translation>事件</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>The eventlist this call returned: %n event(s).</source>
        <translation>
            <numerusform>本次调用返回的事件列表：%n 个事件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The ready list this call returned: %n event(s), at most maxevents; the descriptors that are not ready cost nothing.</source>
        <translation>
            <numerusform>本次调用返回的就绪列表：%n 个事件，最多 maxevents 个；没有就绪的描述符不产生任何开销。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The changelist since the previous wait:</source>
        <translation>自上次等待以来的变更列表：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoll_ctl calls since the previous wait:</source>
        <translation>自上次等待以来的 epoll_ctl 调用：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none: the interest list did not change.</source>
        <translation>无：兴趣列表没有变化。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>… %n more not shown</source>
        <translation>
            <numerusform>… 还有 %n 项未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>… %n more not ready, not shown</source>
        <translation>
            <numerusform>… 还有 %n 项未就绪，未显示</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Why is it ready?</source>
        <translation>为什么就绪？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing came back ready in this call.</source>
        <translation>这次调用没有返回任何就绪的描述符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kernel state was not sampled for this call.</source>
        <translation>这次调用没有采样内核状态。</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>… %n more ready descriptor(s) not shown</source>
        <translation>
            <numerusform>… 还有 %n 个就绪的描述符未显示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LessonRunner</name>
    <message>
        <location filename="../../ui/lessons/lesson_runner.cpp" line="+80"/>
        <source>nothing happened within %1 s</source>
        <translation>%1 秒内什么也没有发生</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the step&apos;s actions</source>
        <translation>这一步的操作</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>the server cannot move there</source>
        <translation>服务端无法切换到那里</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no client named %1 is open</source>
        <translation>没有名为 %1 的已打开客户端</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no preset named %1</source>
        <translation>没有名为 %1 的预设</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the preset behaves as its tutorial&apos;s code does already</source>
        <translation>这个预设本来就和教程代码的行为一样</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>the measurement was cancelled</source>
        <translation>测量被取消了</translation>
    </message>
</context>
<context>
    <name>LessonText</name>
    <message>
        <location filename="../../ui/lessons/lesson_text.cpp" line="+21"/>
        <source>read</source>
        <translation>读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write</source>
        <translation>写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>except</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 in the %2 set passed</source>
        <translation>%1 在传入的%2集合中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in the ready %2 set</source>
        <translation>%1 在返回的就绪%2集合中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 set passed as NULL</source>
        <translation>%1集合以 NULL 传入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>returning %1</source>
        <translation>返回 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failing with %1</source>
        <translation>以 %1 失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>on %1</source>
        <translation>在 %1 上</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>a wait call</source>
        <translation>一次等待调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a wait call with %1</source>
        <translation>一次等待调用：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a %1 event</source>
        <translation>一个 %1 事件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>with &quot;%1&quot;</source>
        <translation>内容含“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for %1</source>
        <translation>原因为 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 gone from the descriptor table</source>
        <translation>%1 已从文件描述符表中消失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in the descriptor table</source>
        <translation>文件描述符表中的 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>with interest %1</source>
        <translation>监视为 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>start %1 as written</source>
        <translation>按教程原样启动 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start %1</source>
        <translation>启动 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stop the server</source>
        <translation>停止服务端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connect %1 to listener:%2</source>
        <translation>把 %1 连接到 listener:%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>send %1 bytes from %2</source>
        <translation>从 %2 发送 %1 个字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>send an urgent byte from %1</source>
        <translation>从 %1 发送一个紧急字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>half-close %1</source>
        <translation>半关闭 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close %1</source>
        <translation>关闭 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reset %1</source>
        <translation>强制断开 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step %1 call(s)</source>
        <translation>单步 %1 次调用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>switch to %1</source>
        <translation>切换到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>measure the cost of a wait call</source>
        <translation>测量一次等待调用的开销</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open %1 silent connections to listener:%2</source>
        <translation>向 listener:%2 打开 %1 个不说话的连接</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 receiving &quot;%2&quot;</source>
        <translation>%1 收到“%2”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a wait call costing more on %1 than on %2 at %3 descriptors</source>
        <translation>在 %3 个描述符时，一次等待调用在 %1 上比在 %2 上开销更大</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>, and </source>
        <translation>；并且</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <location filename="../../ui/panels/lessons_panel.cpp" line="+48"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder...</source>
        <translation>文件夹...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a folder of your own lessons (JSON files, see docs/lessons.md)</source>
        <translation>添加你自己的课程文件夹（JSON 文件，见 docs/lessons.md）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot open: %1</source>
        <translation>无法打开：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No lesson %1 (see --list-lessons)</source>
        <translation>没有课程 %1（见 --list-lessons）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Lessons folder</source>
        <translation>课程文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lessons from %1</source>
        <translation>课程来自 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✓ Seen. This was the last step.</source>
        <translation>✓ 已看到。这是最后一步。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✓ Seen.</source>
        <translation>✓ 已看到。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>○ Waiting for: %1</source>
        <translation>○ 等待：%1</translation>
    </message>
</context>
<context>
    <name>LoadPanel</name>
    <message>
        <location filename="../../ui/panels/load_panel.cpp" line="+100"/>
        <source>The address of the server the clients connect to.</source>
        <translation>客户端要连接的服务端地址。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The port of the server the clients connect to.</source>
        <translation>客户端要连接的服务端端口。</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>How many clients connect at the same time.</source>
        <translation>同时连接的客户端数量。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many bytes each client sends before it waits for the echo.</source>
        <translation>每个客户端在等待回显之前发送多少字节。</translation>
    </message>
    <message>
        <location line="-44"/>
        <source> / s</source>
        <translation> / s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as fast as possible</source>
        <translation>尽快发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages per second for each client; 0 sends the next one as soon as the echo is back.</source>
        <translation>每个客户端每秒发送的消息数；0 表示一收到回显就立即发送下一条。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start clients</source>
        <translation>启动客户端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect the clients and start sending messages.</source>
        <translation>连接这些客户端并开始发送消息。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop clients</source>
        <translation>停止客户端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close every client connection.</source>
        <translation>关闭所有客户端连接。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>More settings</source>
        <translation>更多设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide the server address and the message size.</source>
        <translation>显示或隐藏服务端地址和消息大小。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Latency p50 / p99:</source>
        <translation>延迟 p50 / p99：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half of the round trips were faster than the first time (the median), 99 of 100 faster than the second.</source>
        <translation>一半的往返比第一个时间（中位数）快，100 次中有 99 次比第二个时间快。</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>%1 µs / %2 µs</source>
        <translation>%1 µs / %2 µs</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Connections:</source>
        <translation>连接数：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Message size:</source>
        <translation>消息大小：</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Rate per client:</source>
        <translation>每个客户端的速率：</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Measured by the clients</source>
        <translation>客户端测得的结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Round trips:</source>
        <translation>往返次数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages sent and echoed back in full, per second.</source>
        <translation>每秒发出并被完整回显的消息数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected:</source>
        <translation>已连接：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients that are connected to the server right now.</source>
        <translation>当前已连接到服务端的客户端。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong bytes:</source>
        <translation>错误字节：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Echoed bytes that differ from what was sent (should be 0).</source>
        <translation>回显回来、但与发送内容不一致的字节数（应为 0）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connections that could not be made or were lost unexpectedly.</source>
        <translation>未能建立或意外断开的连接。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The clients could not start: %1</source>
        <translation>客户端无法启动：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n client(s) started.</source>
        <translation>
            <numerusform>已启动 %n 个客户端。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 / s</source>
        <translation>%1 / s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 failed connects, %2 lost</source>
        <translation>%1 次连接失败，%2 次意外断开</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clients stopped after %1 round trips.</source>
        <translation>客户端已停止，共完成 %1 次往返。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="+111"/>
        <location filename="../../ui/main_window_recording.cpp" line="+60"/>
        <location filename="../../ui/main_window_tracing.cpp" line="+115"/>
        <source>SelectScope</source>
        <translation>SelectScope</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Zoom: %1 %</source>
        <translation>缩放：%1 %</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Pick a preset on the left and press Start.
Then connect a client, type a message and press Send.</source>
        <translation>在左边选择一个预设，然后按“启动”。
接着连接一个客户端，输入一条消息，再按“发送”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every wait call of the server (select, poll, epoll_wait ...) will appear here, one row per call.</source>
        <translation>服务端的每一次等待调用（select、poll、epoll_wait……）都会显示在这里，每次调用一行。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Server</source>
        <translation>服务端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descriptors</source>
        <translation>文件描述符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait calls</source>
        <translation>等待调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load</source>
        <translation>负载测试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fd_set picture</source>
        <translation>fd_set 图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost of a wait call</source>
        <translation>等待调用的开销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IO models</source>
        <translation>IO 模型</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open recording...</source>
        <translation>打开录制(&amp;O)...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save window as &amp;PNG...</source>
        <translation>将窗口另存为 &amp;PNG……</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset &amp;zoom</source>
        <translation>重置缩放(&amp;Z)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About SelectScope</source>
        <translation>关于 SelectScope(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Server started.</source>
        <translation>服务端已启动。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server stopped.</source>
        <translation>服务端已停止。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About SelectScope</source>
        <translation>关于 SelectScope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;SelectScope %1&lt;/h3&gt;&lt;p&gt;An oscilloscope for I/O multiplexing: every select(), poll() and epoll_wait() call of a small server, as it happens.&lt;/p&gt;&lt;p&gt;SelectScope is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;The plots use QCustomPlot by Emanuel Eichhammer, licensed under the GNU General Public License version 3 (GPL-3.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SelectScope %1&lt;/h3&gt;&lt;p&gt;一台观察 IO 多路复用的“示波器”：一个小型服务端的每一次 select()、poll() 和 epoll_wait() 调用，都在发生的同时呈现出来。&lt;/p&gt;&lt;p&gt;SelectScope 是自由软件：您可以依据自由软件基金会发布的 GNU 通用公共许可证的条款重新分发和/或修改它，许可证版本可以是第 3 版，也可以是（由您选择）任何更新的版本（GPL-3.0-or-later）。&lt;/p&gt;&lt;p&gt;图表使用了 Emanuel Eichhammer 开发的 QCustomPlot，它依据 GNU 通用公共许可证第 3 版（GPL-3.0）授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>Could not save the window to %1: %2</source>
        <translation>无法将窗口保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Window saved to %1.</source>
        <translation>窗口已保存到 %1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save window as PNG</source>
        <translation>将窗口另存为 PNG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window_recording.cpp" line="-27"/>
        <source>%1: %Ln calls</source>
        <translation>
            <numerusform>%1：%Ln 次调用</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../ui/main_window_tracing.cpp" line="-7"/>
        <source>%1 - SelectScope</source>
        <translation>%1 - SelectScope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening %1...</source>
        <translation>正在打开 %1...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recordings (*.jsonl *.json);;All files (*)</source>
        <translation>录制文件 (*.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Record...</source>
        <translation>录制(&amp;R)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write what the server does to a recording (JSON Lines)</source>
        <translation>把服务器所做的一切写入录制文件（JSON Lines）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Record to</source>
        <translation>录制到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recordings (*.jsonl)</source>
        <translation>录制文件 (*.jsonl)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save &amp;trace as...</source>
        <translation>跟踪另存为(&amp;T)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the calls and events the lists hold, as JSON Lines or CSV</source>
        <translation>把列表中的调用和事件保存为 JSON Lines 或 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● REC</source>
        <translation>● 录制中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The recording stopped: %1</source>
        <translation>录制已停止：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not record: %1</source>
        <translation>无法录制：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recording to %1</source>
        <translation>正在录制到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording to %1 from the server&apos;s next start</source>
        <translation>将从服务器下次启动起录制到 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recorded %1 records to %2</source>
        <translation>已录制 %1 条记录到 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not save the trace: %1</source>
        <translation>无法保存跟踪：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1 calls and %2 events to %3</source>
        <translation>已把 %1 个调用和 %2 个事件保存到 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save trace as</source>
        <translation>跟踪另存为</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_lessons.cpp" line="+32"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_tracing.cpp" line="-81"/>
        <source>Process %1: %2</source>
        <translation>进程 %1：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Trace a program...</source>
        <translation>跟踪程序(&amp;T)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the wait calls and sockets of your own server</source>
        <translation>显示你自己的服务器的等待调用和套接字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracing a program is available on Linux only</source>
        <translation>跟踪程序仅在 Linux 上可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop tracing</source>
        <translation>停止跟踪</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+22"/>
        <source>Tracing a program is available on Linux only.</source>
        <translation>跟踪程序仅在 Linux 上可用。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>● TRACE pid %1</source>
        <translation>● 跟踪 pid %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tracing %1</source>
        <translation>正在跟踪 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopped tracing %1</source>
        <translation>已停止跟踪 %1</translation>
    </message>
</context>
<context>
    <name>ModelComparisonModel</name>
    <message>
        <location filename="../../ui/models/model_comparison_model.cpp" line="+25"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>did not start</source>
        <translation>未能启动</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Client %1: answered after %2</source>
        <translation>客户端 %1：%2 后得到回复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client %1: not served (%2)</source>
        <translation>客户端 %1：未得到服务（%2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not served</source>
        <translation>未得到服务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Preset %1</source>
        <translation>预设 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Blocking</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Threaded</source>
        <translation>多线程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Non-blocking</source>
        <translation>非阻塞</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>select()</source>
        <translation>select()</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Served</source>
        <translation>已服务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At once</source>
        <translation>同时服务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#2 waited</source>
        <translation>#2 等待</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calls/s</source>
        <translation>调用/秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clients that got every reply, byte for byte.</source>
        <translation>逐字节收到全部回复的客户端数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients answered while client 1 kept its connection open and idle: a server that serves one client at a time answers client 1 only.</source>
        <translation>客户端 1 保持连接且空闲期间得到回复的客户端数：一次只服务一个客户端的服务器只会回复客户端 1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client 2&apos;s wait: from its message to the last byte of its reply.</source>
        <translation>客户端 2 的等待时间：从发出消息到收到回复的最后一个字节。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU time of the server&apos;s threads over the run, in percent of one core.</source>
        <translation>本次运行中服务器线程占用的 CPU 时间，以一个核心的百分比表示。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The most server threads alive at once.</source>
        <translation>同时存活的服务器线程的最大数量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait calls and accept, recv and send calls the server made, per second of the run, EAGAIN returns included.</source>
        <translation>服务器在本次运行中每秒发起的等待调用以及 accept、recv、send 调用，包括返回 EAGAIN 的调用。</translation>
    </message>
</context>
<context>
    <name>ModelComparisonPanel</name>
    <message>
        <location filename="../../ui/panels/model_comparison_panel.cpp" line="+60"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>#1 idles %1 s; #2 and #3 connect meanwhile.</source>
        <translation>#1 空闲 %1 秒；其间 #2 和 #3 连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three clients run against each model in turn. Client 1 sends a message, reads the reply, then keeps its connection open and idle for %1 s before its second message. Clients 2 and 3 connect once client 1 has its first reply, send one message each and close.</source>
        <translation>三个客户端依次访问每种模型。客户端 1 发送一条消息并读取回复，然后保持连接空闲 %1 秒，再发送第二条消息。客户端 1 收到第一条回复后，客户端 2 和 3 连接，各发送一条消息后关闭。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>IO models: %1 did not start: %2</source>
        <translation>IO 模型：%1 未能启动：%2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>IO models: running %1 (%2 of %3)…</source>
        <translation>IO 模型：正在运行 %1（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>IO models: comparison cancelled</source>
        <translation>IO 模型：比较已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IO models: every model has run</source>
        <translation>IO 模型：所有模型均已运行</translation>
    </message>
</context>
<context>
    <name>PlotsPanel</name>
    <message>
        <location filename="../../ui/panels/plots_panel.cpp" line="+81"/>
        <source>time since start (s)</source>
        <translation>启动以来的时间（s）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>calls / s</source>
        <translation>调用次数 / s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ready descriptors / call</source>
        <translation>就绪文件描述符数 / 次调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wait calls per second</source>
        <translation>每秒等待调用次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready descriptors per call</source>
        <translation>每次调用的就绪文件描述符数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bytes / s</source>
        <translation>字节 / s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received (in)</source>
        <translation>接收（入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent (out)</source>
        <translation>发送（出）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>descriptors</source>
        <translation>文件描述符数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the interest list</source>
        <translation>在监视列表中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel Recv-Q</source>
        <translation>内核接收队列（Recv-Q）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel Send-Q</source>
        <translation>内核发送队列（Send-Q）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>application queue</source>
        <translation>应用层队列</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+53"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Save one of the charts as a PNG picture or a PDF document.</source>
        <translation>把其中一张图表保存为 PNG 图片或 PDF 文档。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Wait calls</source>
        <translation>等待调用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Watched descriptors</source>
        <translation>被监视的文件描述符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queues of one descriptor</source>
        <translation>单个文件描述符的队列</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG picture (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chart saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save the chart to %1</source>
        <translation>无法把图表保存到 %1</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Queues (select a descriptor)</source>
        <translation>队列（请选择一个文件描述符）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queues of descriptor %1</source>
        <translation>文件描述符 %1 的队列</translation>
    </message>
</context>
<context>
    <name>PresetText</name>
    <message>
        <location filename="../../ui/models/preset_text.cpp" line="+19"/>
        <source>Three listeners (9991-9993); every client gets 欢迎访问 and is not watched further.</source>
        <translation>三个监听端口（9991-9993）；每个客户端都会收到“欢迎访问”，之后不再被监视。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Greets with 你好 on accept, answers every message with message + 好.</source>
        <translation>接受连接时先发“你好”，之后对每条消息回复“消息 + 好”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read/write separation: replies message + 好 when the socket shows up in the write set.</source>
        <translation>读写分离：当套接字出现在写集合中时，才回复“消息 + 好”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Echoes every message back at once, inside the read handler.</source>
        <translation>在读处理中立即把每条消息原样发回。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Echo through per-connection queues, written from the write set.</source>
        <translation>通过每个连接各自的队列回显，在套接字可写时写出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answers every message in upper case (ASCII letters only).</source>
        <translation>把每条消息转成大写后回复（只转换 ASCII 字母）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP: answers every datagram in upper case to its sender.</source>
        <translation>UDP：把每个数据报转成大写后发回给发送方。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends a requested file as a 4-byte header length, a JSON header, then the bytes.</source>
        <translation>按请求发送文件：先发 4 字节的报头长度，再发 JSON 报头，最后发文件内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answers GET with a live statistics page; a browser or curl is a client.</source>
        <translation>对 GET 请求返回实时统计页面；浏览器或 curl 都可以作为客户端。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every message is sent to all other clients of the listener.</source>
        <translation>每条消息都会转发给同一监听端口上的所有其他客户端。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blocking: one thread accepts one client and serves it until it leaves; the next one waits in the accept queue.</source>
        <translation>阻塞模型：一个线程接受一个客户端并一直服务到它离开；下一个客户端在接受队列中等待。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A thread per connection: the main thread blocks in accept(), each client&apos;s thread in recv().</source>
        <translation>每个连接一个线程：主线程阻塞在接受连接上，每个客户端的线程阻塞在接收数据上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Non-blocking: accept() and recv() on every client in a loop that burns a core on EAGAIN.</source>
        <translation>非阻塞模型：在循环里不停地尝试接受连接并从每个客户端接收数据，即使无事可做也占满一个核。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Multiplexed: one select() call watches the listener and every client.</source>
        <translation>多路复用：一次调用同时监视监听套接字和所有客户端。</translation>
    </message>
    <message>
        <location filename="../../core/server/presets.cpp" line="+241"/>
        <source>When a client leaves, recv() returns b&apos;&apos; and send(b&apos;&apos;) raises nothing: the loop never ends, its thread spins on the closed connection, and no other client is served by it.</source>
        <translation>客户端离开后，recv() 返回 b&apos;&apos;，send(b&apos;&apos;) 也不抛出异常：循环永不结束，该线程在已关闭的连接上空转，再也不服务其他客户端。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>When a client leaves, recv() returns b&apos;&apos; and send(b&apos;&apos;) raises nothing: the connection stays in r_list and is read at EOF on every pass.</source>
        <translation>客户端离开后，recv() 返回 b&apos;&apos;，send(b&apos;&apos;) 也不抛出异常：该连接留在 r_list 中，每一轮都在文件结束处被读取。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The accepted sockets are never made non-blocking: on Linux recv() blocks on the first client until it sends, and no one else is accepted meanwhile.</source>
        <translation>接受的套接字从未设为非阻塞：在 Linux 上 recv() 会阻塞在第一个客户端上直到它发送数据，其间不会接受其他任何人。</translation>
    </message>
    <message>
        <location line="-254"/>
        <source>Once a descriptor reaches 1024 (FD_SETSIZE), select.select() raises ValueError and the server stops; the preset refuses that one client.</source>
        <translation>一旦描述符达到 1024（FD_SETSIZE），select.select() 抛出 ValueError，服务端停止；预设只拒绝那一个客户端。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Each client&apos;s socket stays open until the next client is accepted: d is bound to the new socket and CPython closes the old one then. Until that, the client sees no end of file.</source>
        <translation>每个客户端的套接字都保持打开，直到下一个客户端被接受：d 被绑定到新的套接字，CPython 这时才关闭旧的那个。在那之前，客户端收不到文件结束（EOF）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A client that half-closes gets 好 back on every call, without end: recv() returns b&apos;&apos; at EOF, the socket stays in lib, and &apos;&apos; + &apos;好&apos; is answered.</source>
        <translation>半关闭的客户端在每次调用时都会收到“好”，没完没了：recv() 在 EOF 处返回 b&apos;&apos;，套接字仍留在 lib 中，&apos;&apos; + &apos;好&apos; 被当作回复发出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A character split across two recv(1024) calls makes str() raise UnicodeDecodeError; the client is dropped from the list, silent and still open. Any socket error does the same.</source>
        <translation>一个字符被两次 recv(1024) 切开，str() 抛出 UnicodeDecodeError；该客户端被移出列表，不再有回应，但仍然打开。任何套接字错误都一样。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A client that half-closes gets 好 back on every call, without end: the empty message of EOF is queued and answered.</source>
        <translation>半关闭的客户端在每次调用时都会收到“好”，没完没了：EOF 的空消息被放入队列并得到回复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A character split across two recv(1024) calls raises UnicodeDecodeError outside any try, and the server stops.</source>
        <translation>一个字符被两次 recv(1024) 切开，在任何 try 之外抛出 UnicodeDecodeError，服务端停止。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A reply to a client that has gone raises BrokenPipeError or ConnectionResetError outside any try, and the server stops.</source>
        <translation>回复一个已经离开的客户端，会在任何 try 之外抛出 BrokenPipeError 或 ConnectionResetError，服务端停止。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An urgent byte puts the socket in the except set; it is only removed from the lists, silent and still open, not closed.</source>
        <translation>紧急字节使套接字出现在异常集合中；它只是被移出列表，不再有回应，仍然打开，并没有关闭。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>When a client leaves, recv() returns &apos;&apos; but the socket stays in inputs: select() reports it readable on every call and the loop spins at full speed.</source>
        <translation>客户端离开时，recv() 返回 &apos;&apos;，但套接字仍留在 inputs 中：select() 每次调用都报告它可读，循环全速空转。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>send() writes what fits in the socket buffer; the rest of the message is lost.</source>
        <translation>send() 只写入套接字缓冲区放得下的部分；消息的其余部分丢失。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A send() to a client that has gone raises socket.error outside the try, and the server stops.</source>
        <translation>向已经离开的客户端 send()，会在 try 之外抛出 socket.error，服务端停止。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>When a client leaves, its socket is removed from inputs but never closed: it stays open and silent.</source>
        <translation>客户端离开时，它的套接字被移出 inputs，却从未关闭：它保持打开，不再有回应。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A client that resets its connection makes recv() raise ConnectionResetError outside any try, and the server stops.</source>
        <translation>客户端重置连接，使 recv() 在任何 try 之外抛出 ConnectionResetError，服务端停止。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sendall() to a client that has gone raises BrokenPipeError; only queue.Empty is caught, and the server stops.</source>
        <translation>向已经离开的客户端 sendall() 会抛出 BrokenPipeError；只捕获了 queue.Empty，服务端停止。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The reply goes to the last accepted connection, not to the socket that was read: with two clients, A&apos;s reply goes to B.</source>
        <translation>回复发给了最后接受的连接，而不是被读取的那个套接字：有两个客户端时，A 的回复发给了 B。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When a client leaves, recv() returns b&apos;&apos; and conn.send(b&apos;&apos;) raises nothing: the socket stays in read_list, readable on every call, and the loop spins.</source>
        <translation>客户端离开时，recv() 返回 b&apos;&apos;，conn.send(b&apos;&apos;) 不抛出任何异常：套接字仍留在 read_list 中，每次调用都可读，循环空转。</translation>
    </message>
</context>
<context>
    <name>RecordingSource</name>
    <message>
        <location filename="../../ui/recording_source.cpp" line="+161"/>
        <source>%1 changed after it was opened; open it again.</source>
        <translation>%1 在打开后被修改过，请重新打开。</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../ui/panels/replay_bar.cpp" line="+24"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step back one call</source>
        <translation>后退一次调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+95"/>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Play at the chosen speed</source>
        <translation>按所选速度播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step forward one call</source>
        <translation>前进一次调用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drag to any call of the recording</source>
        <translation>拖动到录制中的任意一次调用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call # or 2.5s</source>
        <translation>调用编号或 2.5s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to a call number (e.g. 120) or to a time (e.g. 2.5s), then Enter</source>
        <translation>跳到某个调用编号（如 120）或某个时间（如 2.5s），然后按回车</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Indexing %p%</source>
        <translation>建立索引 %p%</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Play speed, against the recorded one</source>
        <translation>播放速度，相对于录制时的速度</translation>
    </message>
    <message>
        <location line="+27"/>
        <source> · %1 s</source>
        <translation> · %1 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call %1 of %2%3</source>
        <translation>第 %1 / %2 次调用%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⏸ Pause</source>
        <translation>⏸ 暂停</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No call %1 in this recording</source>
        <translation>此录制中没有调用 %1</translation>
    </message>
</context>
<context>
    <name>ScreenshotSession</name>
    <message>
        <location filename="../../app/screenshot_session.cpp" line="+60"/>
        <source>the recording was not indexed within %1 ms</source>
        <translation>录制未能在 %1 毫秒内建立索引</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server published no listener within %1 ms</source>
        <translation>服务端在 %1 ms 内没有公布任何监听端口</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the clients did not connect within %1 ms</source>
        <translation>客户端在 %1 ms 内没有连上</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the IO models were not compared within %1 ms</source>
        <translation>未能在 %1 毫秒内完成 IO 模型比较</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>client #%1: %2</source>
        <translation>客户端 #%1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>hello from client %1</source>
        <translation>你好，我是客户端 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hello</source>
        <translation>你好</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the window cannot be %1x%2 pixels (it is %3x%4)</source>
        <translation>窗口无法调整为 %1x%2 像素（实际为 %3x%4）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>SelectorsText</name>
    <message>
        <location filename="../../ui/models/selectors_text.cpp" line="+125"/>
        <source>?: the descriptor was registered before the oldest record this list has seen, so the callback in its key&apos;s data is not known.</source>
        <translation>?：该描述符在本列表所见最早的记录之前就已注册，所以不知道其 key 的 data 中保存的回调函数。</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <location filename="../../ui/panels/server_panel.cpp" line="+114"/>
        <source>A ready-made server from the tutorials; it fills in the listeners and the timeout below.</source>
        <translation>教程里现成的服务端示例；选中后会自动填好下面的监听端口和超时。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the server of the chosen preset does.</source>
        <translation>所选预设的服务端做些什么。</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>The ports the server listens on and what it does with the data it receives on each.</source>
        <translation>服务端监听的端口，以及它如何处理每个端口上收到的数据。</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The server&apos;s loop spins: its wait calls return at once with something ready that it never acts on, and it burns a whole core.</source>
        <translation>服务端的循环在空转：它的等待调用立即返回，带回一个它从不处理的就绪描述符，白白占满一个 CPU 核。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Let students connect over the network</source>
        <translation>允许学生通过网络连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the next start, listen on every network interface instead of only on this computer (loopback).</source>
        <translation>下次启动时，在所有网络接口上监听，而不是只在本机（回环地址）上监听。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Warning: while this is on, anyone on the network can connect to the server and send it data. Turn it off again when the lesson is over.</source>
        <translation>警告：打开此项后，网络上的任何人都可以连接服务端并向它发送数据。下课后请再把它关掉。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The address and port students type into their clients.</source>
        <translation>学生在客户端里要输入的地址和端口。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>How epoll reports readiness and how the server reads; you can change it while the server runs.</source>
        <translation>epoll 如何报告就绪，以及服务端如何读取；服务端运行时也可以更改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Level-triggered: a socket is reported as long as bytes are waiting.</source>
        <translation>水平触发：只要还有字节在等待，套接字就会被报告。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EPOLLET, one recv() per report: bytes left in the kernel&apos;s queue are not reported again until more arrive (watch Recv-Q).</source>
        <translation>EPOLLET，每次报告只调用一次 recv()：留在内核队列中的字节不会再被报告，直到有新数据到达（请看 Recv-Q）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>EPOLLET, recv() until EAGAIN: every byte is read, as edge triggering needs.</source>
        <translation>EPOLLET，一直 recv() 到 EAGAIN：每个字节都会被读到，这正是边缘触发所要求的。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>More settings</source>
        <translation>更多设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide the listeners, the timeout and slow motion.</source>
        <translation>显示或隐藏监听端口、超时和慢动作。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Listeners:</source>
        <translation>监听端口：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The port number to listen on, such as 9991 (options such as 9999,queued may follow).</source>
        <translation>要监听的端口号，例如 9991（后面可以跟选项，例如 9999,queued）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP keeps a connection per client; UDP receives single datagrams without connections.</source>
        <translation>TCP 为每个客户端保持一条连接；UDP 不建立连接，逐个接收独立的数据报。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+284"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="-284"/>
        <location line="+284"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="-282"/>
        <source>What the server does with each message it receives, for example echo sends it straight back.</source>
        <translation>服务端如何处理收到的每条消息，例如 echo 会把消息原样发回（回显）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add this port to the list of listeners.</source>
        <translation>把这个端口添加到监听端口列表中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected listener from the list.</source>
        <translation>从列表中移除所选的监听端口。</translation>
    </message>
    <message>
        <location line="+390"/>
        <source> (UDP)</source>
        <translation>（UDP）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This computer has no network address: students cannot connect to port %1.</source>
        <translation>这台计算机没有网络地址：学生无法连接到端口 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Students connect to %1</source>
        <translation>学生请连接 %1</translation>
    </message>
    <message>
        <location line="-501"/>
        <source>The system call the server uses to wait for ready sockets; you can switch it while the server runs.</source>
        <translation>服务端用来等待套接字就绪的系统调用；服务端运行时也可以切换。</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>How long one wait call may sleep when nothing is ready; -1 sleeps until something happens.</source>
        <translation>没有任何文件描述符就绪时，一次等待调用最多休眠多久；-1 表示一直阻塞，直到有事件发生。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>block (-1)</source>
        <translation>阻塞（-1）</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>select() cannot watch a descriptor numbered %1 or higher; the bar shows how close the highest one is.</source>
        <translation>select() 无法监视编号大于或等于 %1 的文件描述符；进度条显示当前最大的文件描述符离这个上限有多近。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FD_SETSIZE:</source>
        <translation>FD_SETSIZE：</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the server with these settings.</source>
        <translation>按这些设置启动服务端。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the server and close every socket.</source>
        <translation>停止服务端并关闭所有套接字。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Backend:</source>
        <translation>后端：</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Timeout:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze the server before its next wait call.</source>
        <translation>在下一次等待调用之前冻结服务端。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let the paused server make exactly one wait call, then freeze.</source>
        <translation>让已暂停的服务端只执行一次等待调用，然后再次冻结。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let the paused server run freely again.</source>
        <translation>让已暂停的服务端恢复自由运行。</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Make the server wait this long after every call, so you can follow each one.</source>
        <translation>让服务端在每次调用后等待这么长时间，便于逐次观察。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+183"/>
        <location line="+112"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="-347"/>
        <source>Slow motion:</source>
        <translation>慢动作：</translation>
    </message>
    <message>
        <location line="+247"/>
        <source>Behaviour &quot;%1&quot; is not valid: %2</source>
        <translation>处理方式“%1”无效：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Listener &quot;%1&quot; is not valid: %2</source>
        <translation>监听端口“%1”无效：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only loopback addresses (127.0.0.1, ::1) can be used here.</source>
        <translation>这里只能使用回环地址（127.0.0.1、::1）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Port %1 is already in the list.</source>
        <translation>端口 %1 已经在列表中。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Listens on port %1 (%2); after &apos;=&apos; is what it does with each message.</source>
        <translation>监听端口 %1（%2）；“=”后面是对每条消息的处理方式。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Add at least one listener before starting.</source>
        <translation>启动前请至少添加一个监听端口。</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+224"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>StatusBarWidgets</name>
    <message>
        <location filename="../../ui/panels/status_bar_widgets.cpp" line="+21"/>
        <source>What the server is doing now, and the system call it waits with.</source>
        <translation>服务端当前的状态，以及它用来等待的系统调用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+80"/>
        <location line="+82"/>
        <source>The addresses the server listens on.</source>
        <translation>服务端监听的地址。</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Descriptors in the server&apos;s interest list, the wake-up descriptor included.</source>
        <translation>服务端监视列表中的文件描述符数量，包括唤醒文件描述符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait calls the server made per second (accept, recv and send calls for a server that does not multiplex), and how much of one CPU core its thread used over the last quarter second.</source>
        <translation>服务端每秒执行的等待调用次数（不做多路复用的服务端则是 accept、recv 和 send 调用），以及它的线程在最近四分之一秒内占用了一个 CPU 核的多少。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trace records the window could not keep up with and dropped. The counters and the descriptor table stay exact.</source>
        <translation>窗口来不及处理而丢弃的跟踪记录。计数器和文件描述符表仍然准确。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 · %2</source>
        <comment>server state · backend</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+45"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped by an exception</source>
        <translation>因异常而停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slow motion (%1 ms)</source>
        <translation>慢动作（%1 毫秒）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Calls/s: %1 · CPU %2 %</source>
        <translation>每秒调用：%1 · CPU %2 %</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Listening: 1 port</source>
        <translation>监听：1 个端口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listening: %1 ports</source>
        <translation>监听：%1 个端口</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Watched: %1</source>
        <translation>监视：%1</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>%1, threads: %2</source>
        <comment>IO model, server threads</comment>
        <translation>%1，线程：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Dropped trace records: %1</source>
        <translation>丢弃的跟踪记录：%1</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+39"/>
        <source>Listening: %1</source>
        <translation>正在监听：%1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="+48"/>
        <source>Axis: call numbers</source>
        <translation>横轴：调用序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Axis: time</source>
        <translation>横轴：时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call numbers: every wait call equally wide. Time: a call is as long as it blocked, the gap after it is the work the server did before the next call.</source>
        <translation>调用序号：每次等待调用一样宽。时间：调用的长度就是它阻塞的时间，之后的空隙是服务端在下一次调用前所做的工作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+449"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="-448"/>
        <source>Follow the newest wait call again.</source>
        <translation>重新跟随最新的等待调用。</translation>
    </message>
    <message>
        <location line="+430"/>
        <source>from %1 s</source>
        <translation>从 %1 秒起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until %1 s</source>
        <translation>直到 %1 秒</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call #%1 blocked %2 ms
%3</source>
        <translation>第 %1 次调用阻塞了 %2 毫秒
%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the timeline as PNG</source>
        <translation>把时间线保存为 PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timeline.png</source>
        <translation>timeline.png</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>fd %1 %2 (closed)</source>
        <translation>fd %1 %2（已关闭）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fd %1 %2</source>
        <translation>fd %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_painter.cpp" line="+158"/>
        <source>No wait calls yet</source>
        <translation>还没有等待调用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calls %1 to %2</source>
        <translation>第 %1 到第 %2 次调用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 s to %2 s</source>
        <translation>%1 秒到 %2 秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(held: press Live to follow)</source>
        <translation>（已固定：按“实时”继续跟随）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+231"/>
        <location line="+20"/>
        <source>%1 B</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>read</source>
        <translation>读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write</source>
        <translation>写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>except</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>outline: went in, filled: came back ready</source>
        <translation>空心：传入；实心：返回为就绪</translation>
    </message>
</context>
<context>
    <name>TraceProgramDialog</name>
    <message>
        <location filename="../../ui/panels/trace_program_dialog.cpp" line="+38"/>
        <source>Trace a program</source>
        <translation>跟踪程序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a program</source>
        <translation>启动程序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach to a process</source>
        <translation>附加到进程</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trace</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working folder</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>End it as Ctrl+C would (SIGINT)</source>
        <translation>像 Ctrl+C 一样结束它 (SIGINT)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminate it (SIGTERM)</source>
        <translation>终止它 (SIGTERM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kill it (SIGKILL)</source>
        <translation>强制杀死它 (SIGKILL)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Command line:</source>
        <translation>命令行：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working folder:</source>
        <translation>工作目录：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When tracing stops:</source>
        <translation>停止跟踪时：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The program runs under the tracer from its first instruction and stops only at the calls SelectScope shows. It cannot run on untraced: it ends when tracing stops.</source>
        <translation>程序从第一条指令起就在跟踪器下运行，只在 SelectScope 显示的调用处停下。它不能脱离跟踪继续运行：停止跟踪时它会结束。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sockets</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your processes that have sockets open. The process runs on, untouched, when tracing stops.</source>
        <translation>你自己的、打开了套接字的进程。停止跟踪后，进程照常运行，不受影响。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Type the command line that starts the program, e.g. python3 server.py.</source>
        <translation>请输入启动程序的命令行，例如 python3 server.py。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The working folder %1 does not exist.</source>
        <translation>工作目录 %1 不存在。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pick a process in the list.</source>
        <translation>请在列表中选择一个进程。</translation>
    </message>
</context>
<context>
    <name>TraceText</name>
    <message>
        <location filename="../../ui/models/trace_format.cpp" line="+27"/>
        <source>listener</source>
        <translation>监听</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>udp</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <source>wakeup</source>
        <translation>唤醒</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>half-closed</source>
        <translation>已半关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backpressured</source>
        <translation>背压中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closing</source>
        <translation>正在关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unwatched</source>
        <translation>未监视</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listen</source>
        <translation>监听 (listen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept</source>
        <translation>接受连接 (accept)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refuse</source>
        <translation>拒绝连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recv</source>
        <translation>接收 (recv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>send</source>
        <translation>发送 (send)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>datagram</source>
        <translation>数据报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>queue change</source>
        <translation>队列变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close</source>
        <translation>关闭 (close)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>urgent</source>
        <translation>紧急数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backpressure on</source>
        <translation>背压开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backpressure off</source>
        <translation>背压解除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>watch</source>
        <translation>开始监视</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unwatch</source>
        <translation>停止监视</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accept paused</source>
        <translation>暂停接受连接 (accept)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>busy loop</source>
        <translation>忙循环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spawn</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>peer closed</source>
        <translation>对端关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peer reset</source>
        <translation>对端复位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server closed</source>
        <translation>服务端关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exceptional set</source>
        <translation>异常集合</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 · thread %2</source>
        <translation>%1 · 线程 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>busy loop: %1 calls/s, %2</source>
        <translation>忙循环：每秒 %1 次调用，%2</translation>
    </message>
    <message>
        <location filename="../../ui/models/descriptor_table_model.cpp" line="-204"/>
        <location filename="../../ui/models/event_log_model.cpp" line="-43"/>
        <source>Fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The descriptor number: the small integer the kernel gave this socket.</source>
        <translation>文件描述符编号：内核分配给这个套接字的小整数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/models/event_log_model.cpp" line="+2"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the socket is for: a listener accepts, a connection talks to one client, wakeup lets the GUI interrupt the wait.</source>
        <translation>这个套接字的用途：监听套接字负责 accept 新连接，连接套接字与一个客户端通信，唤醒套接字让界面可以打断等待。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local</source>
        <translation>本端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address and port on the server&apos;s side.</source>
        <translation>服务端这一侧的地址和端口。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address and port of the client.</source>
        <translation>客户端的地址和端口。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interest</source>
        <translation>监视</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the server asks the kernel to watch for: R = readable, W = writable, X = exceptional (urgent data).</source>
        <translation>服务端请求内核监视的事件：R = 可读，W = 可写，X = 异常（紧急数据）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the last wait call reported for this socket; lit when anything.</source>
        <translation>上一次等待调用对这个套接字报告的结果；只要有任何一项就绪就会高亮。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recv-Q</source>
        <translation>接收队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes the kernel has received that the server has not read yet.</source>
        <translation>内核已经收到、但服务端还没有读取的字节数（Recv-Q）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send-Q</source>
        <translation>发送队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes the kernel still has to send to the client.</source>
        <translation>内核还需要发送给客户端的字节数（Send-Q）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept-Q</source>
        <translation>待接受队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections waiting to be accepted, out of the listener&apos;s backlog.</source>
        <translation>等待被 accept 的连接数，以及监听套接字的 backlog 上限（Accept-Q）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App queue</source>
        <translation>应用层队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies the server has queued but not yet written: bytes (messages).</source>
        <translation>服务端已排队但还没写出的回复：字节数（消息数）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes in</source>
        <translation>读入字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes the server has read from this socket.</source>
        <translation>服务端从这个套接字读取的字节数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>写出字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes the server has written to this socket.</source>
        <translation>服务端向这个套接字写入的字节数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>打开时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the socket has been open.</source>
        <translation>这个套接字已经打开了多长时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open, half-closed (the client stopped sending), backpressured (not read until its queue drains), closing or closed.</source>
        <translation>已打开、已半关闭（客户端停止了发送）、背压中（队列清空之前不再读取）、正在关闭或已关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/models/call_trace_model.cpp" line="-242"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wait call&apos;s number, counted from the server&apos;s start.</source>
        <translation>等待调用的序号，从服务端启动时开始计数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/models/event_log_model.cpp" line="-6"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the call began, in seconds since the server started.</source>
        <translation>调用开始的时间：服务端启动后的秒数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which system call waited: select, poll, epoll, kqueue or WSAPoll.</source>
        <translation>进行等待的系统调用：select、poll、epoll、kqueue 或 WSAPoll。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read in</source>
        <translation>读集合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descriptors the server asked about: is there something to read?</source>
        <translation>服务端询问的文件描述符：有数据可读吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write in</source>
        <translation>写集合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descriptors the server asked about: is there room to write?</source>
        <translation>服务端询问的文件描述符：有空间可写吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Except in</source>
        <translation>异常集合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descriptors the server asked about: has urgent data arrived?</source>
        <translation>服务端询问的文件描述符：有紧急数据到达吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the call may wait when nothing is ready; block means forever.</source>
        <translation>没有任何文件描述符就绪时，这次调用最多等待多久；“阻塞”表示一直等下去。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready read</source>
        <translation>就绪可读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descriptors the kernel said can be read without waiting: data, a new connection or end of stream (HUP and ERR mark hang-ups and errors).</source>
        <translation>内核报告无需等待就能读取的文件描述符：有数据、有新连接或已到流末尾（HUP 和 ERR 分别表示挂断和错误）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready write</source>
        <translation>就绪可写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descriptors the kernel said can be written without waiting.</source>
        <translation>内核报告无需等待就能写入的文件描述符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready except</source>
        <translation>就绪异常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descriptors the kernel said have urgent (out-of-band) data.</source>
        <translation>内核报告有紧急（带外）数据的文件描述符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>返回值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the call returned: how many are ready, 0 on timeout, or -1 and the error.</source>
        <translation>调用的返回值：就绪的文件描述符个数；超时返回 0；出错返回 -1 和错误名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blocked</source>
        <translation>阻塞时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the server sat inside the call, waiting.</source>
        <translation>服务端在这次调用里阻塞等待了多久。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same call written as the Python tutorials write it.</source>
        <translation>同一个调用，按 Python 教程里的写法写出来。</translation>
    </message>
    <message>
        <location filename="../../ui/models/event_log_model.cpp" line="+1"/>
        <source>When it happened, in seconds since the server started.</source>
        <translation>发生的时间：服务端启动后的秒数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened: accept, recv, send, close and so on.</source>
        <translation>发生了什么：accept、recv、send、close 等。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The descriptor it happened on.</source>
        <translation>事件发生在哪个文件描述符上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What that descriptor is for: listener, connection, udp or wakeup.</source>
        <translation>这个文件描述符的用途：监听、连接、UDP 或唤醒。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many bytes were received, sent or are queued.</source>
        <translation>接收、发送或排队的字节数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More about it: the peer&apos;s address, why a socket closed, the error.</source>
        <translation>更多信息：对端地址、套接字关闭的原因、错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first bytes of the data: as text when readable, else in hex.</source>
        <translation>数据开头的若干字节：能当作文字显示时显示文字，否则显示十六进制。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first bytes of the data in hexadecimal.</source>
        <translation>数据开头的若干字节，以十六进制显示。</translation>
    </message>
</context>
<context>
    <name>TracerSource</name>
    <message>
        <location filename="../../ui/tracer_source.cpp" line="+45"/>
        <source>Could not trace the program: %1</source>
        <translation>无法跟踪程序：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
</context>
<context>
    <name>WhyText</name>
    <message>
        <location filename="../../ui/models/why_text.cpp" line="+9"/>
        <source>not sampled</source>
        <translation>未采样</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>urgent data is pending: recv() with MSG_OOB reads it</source>
        <translation>有紧急数据待读：用带 MSG_OOB 的 recv() 读取</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n connection(s) waiting in the accept queue: accept() will not block</source>
        <translation>
            <numerusform>accept 队列中有 %n 个连接在等待：accept() 不会阻塞</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the connection was reset: recv() will fail with ECONNRESET</source>
        <translation>连接已被重置：recv() 会以 ECONNRESET 失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an urgent byte is pending: the read stops at the urgent mark</source>
        <translation>有一个紧急字节待读：读取会停在紧急标记处</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n byte(s) waiting in the receive queue, then the peer&apos;s FIN: recv() returns them, then 0</source>
        <translation>
            <numerusform>接收队列中有 %n 字节，之后是对端的 FIN：recv() 先返回这些字节，然后返回 0</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n byte(s) waiting in the receive queue: recv() will return them</source>
        <translation>
            <numerusform>接收队列中有 %n 字节在等待：recv() 会返回它们</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the peer sent FIN: recv() will return 0</source>
        <translation>对端发送了 FIN：recv() 会返回 0</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the connection was reset: send() will fail with ECONNRESET</source>
        <translation>连接已被重置：send() 会以 ECONNRESET 失败</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n byte(s) free in the send buffer: send() will not block</source>
        <translation>
            <numerusform>发送缓冲区有 %n 字节空闲：send() 不会阻塞</numerusform>
        </translation>
    </message>
</context>
</TS>
