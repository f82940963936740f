from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'main.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_data = resolve('data')
    l_0_blocks = resolve('blocks')
    try:
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    pass
    yield '# iac app '
    yield str(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'app'))
    yield ': every resource, in the order the plan made them.\n'
    for (l_1_type, l_1_name, l_1_args) in (undefined(name='data') if l_0_data is missing else l_0_data):
        _loop_vars = {}
        pass
        yield '\n'
        if l_1_args:
            pass
            yield 'data "'
            yield str(l_1_type)
            yield '" "'
            yield str(l_1_name)
            yield '" {\n'
            for (l_2_k, l_2_v) in context.call(environment.getattr(l_1_args, 'items'), _loop_vars=_loop_vars):
                _loop_vars = {}
                pass
                yield '  '
                yield str(l_2_k)
                yield ' = '
                yield str(t_1(l_2_v))
                yield '\n'
            l_2_k = l_2_v = missing
            yield '}\n'
        else:
            pass
            yield 'data "'
            yield str(l_1_type)
            yield '" "'
            yield str(l_1_name)
            yield '" {}\n'
    l_1_type = l_1_name = l_1_args = missing
    for l_1_block in (undefined(name='blocks') if l_0_blocks is missing else l_0_blocks):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(l_1_block)
        yield '\n'
    l_1_block = missing

blocks = {}
debug_info = '1=21&2=23&4=27&5=30&6=34&7=38&11=47&14=52&16=56'
