from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'function.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_p = resolve('p')
    l_0_construct = resolve('construct')
    l_0_Call = resolve('Call')
    try:
        t_1 = environment.filters['duration']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'duration' found.")
    try:
        t_2 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    try:
        t_3 = environment.filters['runtime']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'runtime' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield 'lambda_.Function(\n    self,\n    '
    yield str(t_2(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'function_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'handler', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'handler')))
    yield '\n    runtime=lambda_.Runtime.'
    yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'runtime')))
    yield ',\n    architecture=lambda_.Architecture.'
    yield str(('ARM_64' if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'arch') == 'arm64') else 'X86_64'))
    yield ',\n    memory_size='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'memory'))
    yield ',\n    timeout='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'timeout')))
    yield ',\n'
    if (not t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'concurrency'))):
        pass
        yield '    reserved_concurrent_executions='
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'concurrency'))
        yield ',\n'
    yield '    role='
    yield str(environment.getattr(context.call((undefined(name='construct') if l_0_construct is missing else l_0_construct), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')), 'text'))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'code', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'asset', (environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'asset'), 'file_name'),))))
    yield '\n    log_group='
    yield str(environment.getattr(context.call((undefined(name='construct') if l_0_construct is missing else l_0_construct), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group')), 'text'))
    yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'layers'):
        pass
        yield '    layers=[\n'
        l_1_loop = missing
        for l_1_arn, l_1_loop in LoopContext(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'layers'), undefined):
            l_1_arg = resolve('arg')
            l_1_Code = resolve('Code')
            _loop_vars = {}
            pass
            yield '        '
            yield str(context.call((undefined(name='arg') if l_1_arg is missing else l_1_arg), context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'lambda_.LayerVersion.from_layer_version_arn', (context.call((undefined(name='Code') if l_1_Code is missing else l_1_Code), 'self', _loop_vars=_loop_vars), str_join((environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id'), 'Layer', environment.getattr(l_1_loop, 'index'), )), l_1_arn), _loop_vars=_loop_vars), 8, _loop_vars=_loop_vars))
            yield '\n'
        l_1_loop = l_1_arn = l_1_arg = l_1_Code = missing
        yield '    ],\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'storage') != 512):
        pass
        yield '    ephemeral_storage_size=cdk.Size.mebibytes('
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'storage'))
        yield '),\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'environment', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env')))
        yield '\n'
    yield ')\n'

blocks = {}
debug_info = '3=41&4=43&5=45&6=47&7=49&8=51&9=53&10=55&11=58&13=61&14=63&15=65&16=67&18=71&19=77&23=81&24=84&26=86&27=89'
